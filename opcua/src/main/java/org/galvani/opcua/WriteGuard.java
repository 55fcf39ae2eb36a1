package org.galvani.opcua;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.core.WriteMask;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.servicesets.impl.DefaultAttributeServiceSet;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.DiagnosticInfo;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.structured.ResponseHeader;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteValue;
import org.eclipse.milo.opcua.stack.transport.server.ServiceRequestContext;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Write service in front of Milo's: every write to the gateway's namespace is answered
 * Bad_NotWritable here, and a write of an attribute Milo 1.1.2 cannot map to a write mask (for example
 * UserRolePermissions, which makes its access check throw and leaves the request unanswered) is answered
 * Bad_NotWritable or Bad_AttributeIdInvalid before Milo sees it. Other writes go to Milo unchanged.
 */
@Implements({"SRS-OPC-013", "SRS-OPC-033"})
final class WriteGuard extends DefaultAttributeServiceSet {

    private static final Logger LOG = LoggerFactory.getLogger(WriteGuard.class);

    private final UShort gatewayNamespace;

    WriteGuard(OpcUaServer server, UShort gatewayNamespace) {
        super(server);
        this.gatewayNamespace = gatewayNamespace;
    }

    @Override
    public WriteResponse onWrite(ServiceRequestContext context, WriteRequest request) throws UaException {
        WriteValue[] writes = request.getNodesToWrite();
        if (writes == null || writes.length == 0) {
            return super.onWrite(context, request);
        }
        StatusCode[] results = new StatusCode[writes.length];
        List<Integer> passed = new ArrayList<>();
        for (int i = 0; i < writes.length; i++) {
            long refusal = refusal(writes[i]);
            if (refusal == StatusCodes.Good) {
                passed.add(i);
            } else {
                results[i] = new StatusCode(refusal);
            }
        }
        if (!passed.isEmpty()) {
            WriteValue[] forMilo = passed.stream().map(i -> writes[i]).toArray(WriteValue[]::new);
            StatusCode[] answered = miloWrite(context, new WriteRequest(request.getRequestHeader(), forMilo));
            for (int j = 0; j < passed.size(); j++) {
                results[passed.get(j)] = answered[j];
            }
        }
        ResponseHeader header = new ResponseHeader(DateTime.now(), request.getRequestHeader().getRequestHandle(),
                StatusCode.GOOD, null, new String[0], null);
        return new WriteResponse(header, results, new DiagnosticInfo[0]);
    }

    private StatusCode[] miloWrite(ServiceRequestContext context, WriteRequest request) throws UaException {
        try {
            return super.onWrite(context, request).getResults();
        } catch (RuntimeException e) {
            LOG.warn("Milo's write service failed; answering Bad_InternalError", e);
            StatusCode[] failed = new StatusCode[request.getNodesToWrite().length];
            Arrays.fill(failed, new StatusCode(StatusCodes.Bad_InternalError));
            return failed;
        }
    }

    /** Good when Milo may decide; otherwise the status to answer at once. */
    private long refusal(WriteValue write) {
        if (write == null || write.getNodeId() == null || write.getAttributeId() == null) {
            return StatusCodes.Bad_NodeIdInvalid;
        }
        Optional<AttributeId> attribute = AttributeId.from(write.getAttributeId());
        if (attribute.isEmpty()) {
            return StatusCodes.Bad_AttributeIdInvalid;
        }
        if (write.getNodeId().getNamespaceIndex().equals(gatewayNamespace)) {
            return StatusCodes.Bad_NotWritable;
        }
        boolean maskable = attribute.get() == AttributeId.Value
                || Arrays.stream(WriteMask.values()).anyMatch(mask -> mask.name().equals(attribute.get().name()));
        return maskable ? StatusCodes.Good : StatusCodes.Bad_NotWritable;
    }
}
