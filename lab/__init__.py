"""The app's own support code: translations, figure builders, shared widgets. ce_core does the math."""
