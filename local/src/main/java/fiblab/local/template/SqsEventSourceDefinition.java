package fiblab.local.template;

import java.util.OptionalInt;

/**
 * An {@code SQS} event of a function: what Lambda's event source mapping reads from the template.
 *
 * @param queueLogicalId the queue resource, from {@code Queue: !GetAtt X.Arn}
 * @param batchSize records per invocation (SAM's default is 10)
 * @param batchingWindowSeconds how long to gather records before invoking (0 = invoke at once)
 * @param reportBatchItemFailures whether the function answers partial batch failures
 * @param maximumConcurrency {@code ScalingConfig.MaximumConcurrency}, if set
 */
public record SqsEventSourceDefinition(
        String eventName,
        String queueLogicalId,
        int batchSize,
        int batchingWindowSeconds,
        boolean reportBatchItemFailures,
        OptionalInt maximumConcurrency,
        boolean enabled) {}
