package dev.briefs.job.remote;

import org.springframework.batch.integration.partition.StepExecutionRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partition requests on the wire: a small JSON object, so that any tool can read the topic and no
 * Java serialisation crosses the network.
 */
final class PartitionRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Wire(String stepName, long stepExecutionId) {}

    private PartitionRequests() {}

    static String encode(StepExecutionRequest request) {
        return JSON.writeValueAsString(new Wire(request.getStepName(), request.getStepExecutionId()));
    }

    /** @throws IllegalArgumentException for a message that is not a partition request */
    static StepExecutionRequest decode(String json) {
        try {
            Wire wire = JSON.readValue(json, Wire.class);
            if (wire.stepName() == null || wire.stepExecutionId() <= 0) {
                throw new IllegalArgumentException("not a partition request: " + json);
            }
            return new StepExecutionRequest(wire.stepName(), wire.stepExecutionId());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a partition request: " + e.getOriginalMessage(), e);
        }
    }
}
