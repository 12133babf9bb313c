package tw.jipan.identity.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The security events of people's accounts: registrations, sign-ins and
 * their failures with the reason, counter regressions, refresh-token reuse.
 * A person reads their own; an organisation's admins read those of its
 * current members.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/identity/v1/security_event_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class SecurityEventServiceGrpc {

  private SecurityEventServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.identity.v1.SecurityEventService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListSecurityEventsRequest,
      tw.jipan.identity.v1.ListSecurityEventsResponse> getListSecurityEventsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSecurityEvents",
      requestType = tw.jipan.identity.v1.ListSecurityEventsRequest.class,
      responseType = tw.jipan.identity.v1.ListSecurityEventsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListSecurityEventsRequest,
      tw.jipan.identity.v1.ListSecurityEventsResponse> getListSecurityEventsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListSecurityEventsRequest, tw.jipan.identity.v1.ListSecurityEventsResponse> getListSecurityEventsMethod;
    if ((getListSecurityEventsMethod = SecurityEventServiceGrpc.getListSecurityEventsMethod) == null) {
      synchronized (SecurityEventServiceGrpc.class) {
        if ((getListSecurityEventsMethod = SecurityEventServiceGrpc.getListSecurityEventsMethod) == null) {
          SecurityEventServiceGrpc.getListSecurityEventsMethod = getListSecurityEventsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.ListSecurityEventsRequest, tw.jipan.identity.v1.ListSecurityEventsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSecurityEvents"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.ListSecurityEventsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.ListSecurityEventsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SecurityEventServiceMethodDescriptorSupplier("ListSecurityEvents"))
              .build();
        }
      }
    }
    return getListSecurityEventsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static SecurityEventServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SecurityEventServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SecurityEventServiceStub>() {
        @java.lang.Override
        public SecurityEventServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SecurityEventServiceStub(channel, callOptions);
        }
      };
    return SecurityEventServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static SecurityEventServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SecurityEventServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SecurityEventServiceBlockingStub>() {
        @java.lang.Override
        public SecurityEventServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SecurityEventServiceBlockingStub(channel, callOptions);
        }
      };
    return SecurityEventServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static SecurityEventServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SecurityEventServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SecurityEventServiceFutureStub>() {
        @java.lang.Override
        public SecurityEventServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SecurityEventServiceFutureStub(channel, callOptions);
        }
      };
    return SecurityEventServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * The security events of people's accounts: registrations, sign-ins and
   * their failures with the reason, counter regressions, refresh-token reuse.
   * A person reads their own; an organisation's admins read those of its
   * current members.
   * </pre>
   */
  public static abstract class SecurityEventServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Lists security events, newest first.
     * </pre>
     */
    public void listSecurityEvents(tw.jipan.identity.v1.ListSecurityEventsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListSecurityEventsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSecurityEventsMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getListSecurityEventsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.ListSecurityEventsRequest,
                tw.jipan.identity.v1.ListSecurityEventsResponse>(
                  this, METHODID_LIST_SECURITY_EVENTS)))
          .build();
    }
  }

  /**
   * <pre>
   * The security events of people's accounts: registrations, sign-ins and
   * their failures with the reason, counter regressions, refresh-token reuse.
   * A person reads their own; an organisation's admins read those of its
   * current members.
   * </pre>
   */
  public static final class SecurityEventServiceStub extends io.grpc.stub.AbstractAsyncStub<SecurityEventServiceStub> {
    private SecurityEventServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SecurityEventServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SecurityEventServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Lists security events, newest first.
     * </pre>
     */
    public void listSecurityEvents(tw.jipan.identity.v1.ListSecurityEventsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListSecurityEventsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSecurityEventsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * The security events of people's accounts: registrations, sign-ins and
   * their failures with the reason, counter regressions, refresh-token reuse.
   * A person reads their own; an organisation's admins read those of its
   * current members.
   * </pre>
   */
  public static final class SecurityEventServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<SecurityEventServiceBlockingStub> {
    private SecurityEventServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SecurityEventServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SecurityEventServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Lists security events, newest first.
     * </pre>
     */
    public tw.jipan.identity.v1.ListSecurityEventsResponse listSecurityEvents(tw.jipan.identity.v1.ListSecurityEventsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSecurityEventsMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * The security events of people's accounts: registrations, sign-ins and
   * their failures with the reason, counter regressions, refresh-token reuse.
   * A person reads their own; an organisation's admins read those of its
   * current members.
   * </pre>
   */
  public static final class SecurityEventServiceFutureStub extends io.grpc.stub.AbstractFutureStub<SecurityEventServiceFutureStub> {
    private SecurityEventServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SecurityEventServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SecurityEventServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Lists security events, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.ListSecurityEventsResponse> listSecurityEvents(
        tw.jipan.identity.v1.ListSecurityEventsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSecurityEventsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_LIST_SECURITY_EVENTS = 0;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final SecurityEventServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(SecurityEventServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_LIST_SECURITY_EVENTS:
          serviceImpl.listSecurityEvents((tw.jipan.identity.v1.ListSecurityEventsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListSecurityEventsResponse>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  private static abstract class SecurityEventServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    SecurityEventServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.identity.v1.SecurityEventServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("SecurityEventService");
    }
  }

  private static final class SecurityEventServiceFileDescriptorSupplier
      extends SecurityEventServiceBaseDescriptorSupplier {
    SecurityEventServiceFileDescriptorSupplier() {}
  }

  private static final class SecurityEventServiceMethodDescriptorSupplier
      extends SecurityEventServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    SecurityEventServiceMethodDescriptorSupplier(String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (SecurityEventServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new SecurityEventServiceFileDescriptorSupplier())
              .addMethod(getListSecurityEventsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
