package tw.jipan.sdk;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A refused call with its google.rpc.Status details (grpc-status-details-bin). */
public final class MeshError {
  public final Status.Code code;
  public final String message;
  public String reason = "";
  public String domain = "";
  public Map<String, String> metadata = Map.of();
  public final List<BadRequest.FieldViolation> fieldViolations = new ArrayList<>();
  /** RetryInfo's delay in milliseconds, or -1 when absent. */
  public long retryDelayMs = -1;

  private MeshError(Status status) {
    this.code = status.getCode();
    this.message = status.getDescription();
  }

  /** Decodes a StatusRuntimeException (or any Throwable carrying a gRPC status). */
  public static MeshError from(Throwable t) {
    MeshError e = new MeshError(Status.fromThrowable(t));
    com.google.rpc.Status details = StatusProto.fromThrowable(t);
    if (details == null) {
      return e;
    }
    try {
      for (Any any : details.getDetailsList()) {
        if (any.is(ErrorInfo.class)) {
          ErrorInfo info = any.unpack(ErrorInfo.class);
          e.reason = info.getReason();
          e.domain = info.getDomain();
          e.metadata = info.getMetadataMap();
        } else if (any.is(BadRequest.class)) {
          e.fieldViolations.addAll(any.unpack(BadRequest.class).getFieldViolationsList());
        } else if (any.is(RetryInfo.class)) {
          com.google.protobuf.Duration d = any.unpack(RetryInfo.class).getRetryDelay();
          e.retryDelayMs = d.getSeconds() * 1000 + d.getNanos() / 1_000_000;
        }
      }
    } catch (InvalidProtocolBufferException ignored) {
      // a detail that does not parse is left out; the code and message remain
    }
    return e;
  }
}
