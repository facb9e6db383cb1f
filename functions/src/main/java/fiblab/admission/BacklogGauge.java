package fiblab.admission;

import java.util.OptionalLong;

/** How many job messages wait in the queue: the backlog that admission control compares with its limit. */
public interface BacklogGauge {

    /** The number of waiting messages, or empty when it cannot be read right now. */
    OptionalLong waitingMessages();
}
