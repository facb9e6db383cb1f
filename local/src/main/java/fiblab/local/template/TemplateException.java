package fiblab.local.template;

/** The template cannot be read or uses something the local stack cannot run; the message says what. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }
}
