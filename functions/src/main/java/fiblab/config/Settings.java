package fiblab.config;

import java.util.Map;
import java.util.Optional;

/** Reads and validates environment variables once, at start-up. */
public final class Settings {

    private final Map<String, String> environment;

    public Settings(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public String required(String name) {
        return optional(name)
                .orElseThrow(
                        () -> new ConfigurationException("environment variable " + name + " is required but not set"));
    }

    public Optional<String> optional(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** An integer variable with a default, which must lie in [min, max]. */
    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the allowed range
        }
        throw new ConfigurationException("environment variable " + name + " must be a whole number from " + min + " to "
                + max + ", was \"" + text.get() + "\"");
    }

    public Map<String, String> asMap() {
        return environment;
    }
}
