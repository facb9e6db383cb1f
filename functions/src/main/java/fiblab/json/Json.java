package fiblab.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON in and out through jackson-jr: small and quick to load, which matters for cold starts.
 * Parsing is strict: duplicate keys and anything after the value are errors.
 */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JSON MAPPER = JSON.builder(FACTORY)
            .enable(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS, JSON.Feature.PRESERVE_FIELD_ORDERING)
            .build();

    private Json() {}

    /** Parses one JSON value: maps, lists, strings, numbers (Integer, Long, BigInteger, Double), booleans, null. */
    public static Object parse(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new JsonSyntaxException("the text is empty");
            }
            Object value = MAPPER.anyFrom(parser);
            if (parser.nextToken() != null) {
                throw new JsonSyntaxException("there is more text after the JSON value");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new JsonSyntaxException(
                    e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new JsonSyntaxException(e.getMessage());
        }
    }

    /** Writes maps, lists, strings, numbers and booleans; map order is kept. */
    public static String write(Object value) {
        try {
            return MAPPER.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write JSON", e);
        }
    }
}
