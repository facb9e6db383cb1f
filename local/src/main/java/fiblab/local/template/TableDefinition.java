package fiblab.local.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code AWS::DynamoDB::Table}: its keys as CreateTable wants them.
 *
 * @param attributeTypes attribute name to type (S, N, B) from {@code AttributeDefinitions}
 * @param keySchema attribute name to key type (HASH, RANGE), in order
 * @param globalSecondaryIndexes the {@code GlobalSecondaryIndexes} entries, resolved
 * @param timeToLiveAttribute the TTL attribute when {@code TimeToLiveSpecification} is enabled
 */
public record TableDefinition(
        String logicalId,
        String tableName,
        Map<String, String> attributeTypes,
        Map<String, String> keySchema,
        List<Map<String, Object>> globalSecondaryIndexes,
        Optional<String> timeToLiveAttribute,
        boolean sseEnabled) {}
