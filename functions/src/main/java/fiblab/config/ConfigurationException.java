package fiblab.config;

/** A configuration value is missing or outside its allowed range; the message names the variable. */
public final class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }
}
