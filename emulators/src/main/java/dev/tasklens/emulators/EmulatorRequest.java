package dev.tasklens.emulators;

import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.emulators.faults.Fault;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as an {@link ApiHandler} receives it.
 *
 * @param request the request as it arrived
 * @param protocolFault the protocol-level fault the handler must apply to this request, if any
 */
public record EmulatorRequest(HttpRequest request, Optional<Fault> protocolFault) {

    /**
     * Checks the parts.
     *
     * @param request see the record component
     * @param protocolFault see the record component
     */
    public EmulatorRequest {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(protocolFault, "protocolFault");
    }

    /**
     * Whether this request must get a given protocol-level fault.
     *
     * @param kind the fault's class
     * @return true if the plan chose that fault for this request
     */
    public boolean hasFault(Class<? extends Fault> kind) {
        return protocolFault.filter(kind::isInstance).isPresent();
    }
}
