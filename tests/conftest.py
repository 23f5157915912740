"""Settings for every test: no wall-clock limits (this machine is shared and its speed varies)."""

from hypothesis import HealthCheck, settings

# Hypothesis's default 200 ms deadline per example and its "too slow" check measure the machine,
# not the code: under load they failed tests that pass alone. Examples are still bounded in
# number by each test's own settings.
settings.register_profile(
    "shared-machine", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("shared-machine")
