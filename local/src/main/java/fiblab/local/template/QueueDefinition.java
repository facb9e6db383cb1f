package fiblab.local.template;

import java.util.Map;
import java.util.Optional;

/**
 * An {@code AWS::SQS::Queue}.
 *
 * @param attributes SQS attributes as the CreateQueue API names them, resolved (VisibilityTimeout, ...)
 * @param deadLetterQueueLogicalId the redrive target's logical id, if the queue has a redrive policy
 */
public record QueueDefinition(
        String logicalId,
        String queueName,
        Map<String, String> attributes,
        Optional<String> deadLetterQueueLogicalId,
        Optional<Integer> maxReceiveCount) {}
