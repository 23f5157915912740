"""The app's support code: translations, figures, shared widgets. ce_core does the math."""
