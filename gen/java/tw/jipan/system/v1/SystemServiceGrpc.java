package tw.jipan.system.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Introspection of a running Jipan server: who the server thinks you are, what
 * it runs, and which authorization policy each method enforces. Every server in
 * the mesh serves it, so it is the first call to try when debugging a token.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/system/v1/system_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class SystemServiceGrpc {

  private SystemServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.system.v1.SystemService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.system.v1.GetWhoAmIRequest,
      tw.jipan.system.v1.GetWhoAmIResponse> getGetWhoAmIMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetWhoAmI",
      requestType = tw.jipan.system.v1.GetWhoAmIRequest.class,
      responseType = tw.jipan.system.v1.GetWhoAmIResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.system.v1.GetWhoAmIRequest,
      tw.jipan.system.v1.GetWhoAmIResponse> getGetWhoAmIMethod() {
    io.grpc.MethodDescriptor<tw.jipan.system.v1.GetWhoAmIRequest, tw.jipan.system.v1.GetWhoAmIResponse> getGetWhoAmIMethod;
    if ((getGetWhoAmIMethod = SystemServiceGrpc.getGetWhoAmIMethod) == null) {
      synchronized (SystemServiceGrpc.class) {
        if ((getGetWhoAmIMethod = SystemServiceGrpc.getGetWhoAmIMethod) == null) {
          SystemServiceGrpc.getGetWhoAmIMethod = getGetWhoAmIMethod =
              io.grpc.MethodDescriptor.<tw.jipan.system.v1.GetWhoAmIRequest, tw.jipan.system.v1.GetWhoAmIResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetWhoAmI"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.system.v1.GetWhoAmIRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.system.v1.GetWhoAmIResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SystemServiceMethodDescriptorSupplier("GetWhoAmI"))
              .build();
        }
      }
    }
    return getGetWhoAmIMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.system.v1.GetVersionRequest,
      tw.jipan.system.v1.GetVersionResponse> getGetVersionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetVersion",
      requestType = tw.jipan.system.v1.GetVersionRequest.class,
      responseType = tw.jipan.system.v1.GetVersionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.system.v1.GetVersionRequest,
      tw.jipan.system.v1.GetVersionResponse> getGetVersionMethod() {
    io.grpc.MethodDescriptor<tw.jipan.system.v1.GetVersionRequest, tw.jipan.system.v1.GetVersionResponse> getGetVersionMethod;
    if ((getGetVersionMethod = SystemServiceGrpc.getGetVersionMethod) == null) {
      synchronized (SystemServiceGrpc.class) {
        if ((getGetVersionMethod = SystemServiceGrpc.getGetVersionMethod) == null) {
          SystemServiceGrpc.getGetVersionMethod = getGetVersionMethod =
              io.grpc.MethodDescriptor.<tw.jipan.system.v1.GetVersionRequest, tw.jipan.system.v1.GetVersionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetVersion"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.system.v1.GetVersionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.system.v1.GetVersionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SystemServiceMethodDescriptorSupplier("GetVersion"))
              .build();
        }
      }
    }
    return getGetVersionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.system.v1.ListMethodPoliciesRequest,
      tw.jipan.system.v1.ListMethodPoliciesResponse> getListMethodPoliciesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListMethodPolicies",
      requestType = tw.jipan.system.v1.ListMethodPoliciesRequest.class,
      responseType = tw.jipan.system.v1.ListMethodPoliciesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.system.v1.ListMethodPoliciesRequest,
      tw.jipan.system.v1.ListMethodPoliciesResponse> getListMethodPoliciesMethod() {
    io.grpc.MethodDescriptor<tw.jipan.system.v1.ListMethodPoliciesRequest, tw.jipan.system.v1.ListMethodPoliciesResponse> getListMethodPoliciesMethod;
    if ((getListMethodPoliciesMethod = SystemServiceGrpc.getListMethodPoliciesMethod) == null) {
      synchronized (SystemServiceGrpc.class) {
        if ((getListMethodPoliciesMethod = SystemServiceGrpc.getListMethodPoliciesMethod) == null) {
          SystemServiceGrpc.getListMethodPoliciesMethod = getListMethodPoliciesMethod =
              io.grpc.MethodDescriptor.<tw.jipan.system.v1.ListMethodPoliciesRequest, tw.jipan.system.v1.ListMethodPoliciesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListMethodPolicies"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.system.v1.ListMethodPoliciesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.system.v1.ListMethodPoliciesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SystemServiceMethodDescriptorSupplier("ListMethodPolicies"))
              .build();
        }
      }
    }
    return getListMethodPoliciesMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static SystemServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SystemServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SystemServiceStub>() {
        @java.lang.Override
        public SystemServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SystemServiceStub(channel, callOptions);
        }
      };
    return SystemServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static SystemServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SystemServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SystemServiceBlockingStub>() {
        @java.lang.Override
        public SystemServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SystemServiceBlockingStub(channel, callOptions);
        }
      };
    return SystemServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static SystemServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SystemServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SystemServiceFutureStub>() {
        @java.lang.Override
        public SystemServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SystemServiceFutureStub(channel, callOptions);
        }
      };
    return SystemServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Introspection of a running Jipan server: who the server thinks you are, what
   * it runs, and which authorization policy each method enforces. Every server in
   * the mesh serves it, so it is the first call to try when debugging a token.
   * </pre>
   */
  public static abstract class SystemServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Returns the authenticated principal as this server sees it.
     * </pre>
     */
    public void getWhoAmI(tw.jipan.system.v1.GetWhoAmIRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.system.v1.GetWhoAmIResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetWhoAmIMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns the server's build version and the services it serves.
     * </pre>
     */
    public void getVersion(tw.jipan.system.v1.GetVersionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.system.v1.GetVersionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetVersionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the methods this server serves with their declared policies.
     * </pre>
     */
    public void listMethodPolicies(tw.jipan.system.v1.ListMethodPoliciesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.system.v1.ListMethodPoliciesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListMethodPoliciesMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getGetWhoAmIMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.system.v1.GetWhoAmIRequest,
                tw.jipan.system.v1.GetWhoAmIResponse>(
                  this, METHODID_GET_WHO_AM_I)))
          .addMethod(
            getGetVersionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.system.v1.GetVersionRequest,
                tw.jipan.system.v1.GetVersionResponse>(
                  this, METHODID_GET_VERSION)))
          .addMethod(
            getListMethodPoliciesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.system.v1.ListMethodPoliciesRequest,
                tw.jipan.system.v1.ListMethodPoliciesResponse>(
                  this, METHODID_LIST_METHOD_POLICIES)))
          .build();
    }
  }

  /**
   * <pre>
   * Introspection of a running Jipan server: who the server thinks you are, what
   * it runs, and which authorization policy each method enforces. Every server in
   * the mesh serves it, so it is the first call to try when debugging a token.
   * </pre>
   */
  public static final class SystemServiceStub extends io.grpc.stub.AbstractAsyncStub<SystemServiceStub> {
    private SystemServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SystemServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SystemServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Returns the authenticated principal as this server sees it.
     * </pre>
     */
    public void getWhoAmI(tw.jipan.system.v1.GetWhoAmIRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.system.v1.GetWhoAmIResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetWhoAmIMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns the server's build version and the services it serves.
     * </pre>
     */
    public void getVersion(tw.jipan.system.v1.GetVersionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.system.v1.GetVersionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetVersionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the methods this server serves with their declared policies.
     * </pre>
     */
    public void listMethodPolicies(tw.jipan.system.v1.ListMethodPoliciesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.system.v1.ListMethodPoliciesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListMethodPoliciesMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Introspection of a running Jipan server: who the server thinks you are, what
   * it runs, and which authorization policy each method enforces. Every server in
   * the mesh serves it, so it is the first call to try when debugging a token.
   * </pre>
   */
  public static final class SystemServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<SystemServiceBlockingStub> {
    private SystemServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SystemServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SystemServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Returns the authenticated principal as this server sees it.
     * </pre>
     */
    public tw.jipan.system.v1.GetWhoAmIResponse getWhoAmI(tw.jipan.system.v1.GetWhoAmIRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetWhoAmIMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns the server's build version and the services it serves.
     * </pre>
     */
    public tw.jipan.system.v1.GetVersionResponse getVersion(tw.jipan.system.v1.GetVersionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetVersionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the methods this server serves with their declared policies.
     * </pre>
     */
    public tw.jipan.system.v1.ListMethodPoliciesResponse listMethodPolicies(tw.jipan.system.v1.ListMethodPoliciesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListMethodPoliciesMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Introspection of a running Jipan server: who the server thinks you are, what
   * it runs, and which authorization policy each method enforces. Every server in
   * the mesh serves it, so it is the first call to try when debugging a token.
   * </pre>
   */
  public static final class SystemServiceFutureStub extends io.grpc.stub.AbstractFutureStub<SystemServiceFutureStub> {
    private SystemServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SystemServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SystemServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Returns the authenticated principal as this server sees it.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.system.v1.GetWhoAmIResponse> getWhoAmI(
        tw.jipan.system.v1.GetWhoAmIRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetWhoAmIMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns the server's build version and the services it serves.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.system.v1.GetVersionResponse> getVersion(
        tw.jipan.system.v1.GetVersionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetVersionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the methods this server serves with their declared policies.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.system.v1.ListMethodPoliciesResponse> listMethodPolicies(
        tw.jipan.system.v1.ListMethodPoliciesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListMethodPoliciesMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_GET_WHO_AM_I = 0;
  private static final int METHODID_GET_VERSION = 1;
  private static final int METHODID_LIST_METHOD_POLICIES = 2;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final SystemServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(SystemServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_GET_WHO_AM_I:
          serviceImpl.getWhoAmI((tw.jipan.system.v1.GetWhoAmIRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.system.v1.GetWhoAmIResponse>) responseObserver);
          break;
        case METHODID_GET_VERSION:
          serviceImpl.getVersion((tw.jipan.system.v1.GetVersionRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.system.v1.GetVersionResponse>) responseObserver);
          break;
        case METHODID_LIST_METHOD_POLICIES:
          serviceImpl.listMethodPolicies((tw.jipan.system.v1.ListMethodPoliciesRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.system.v1.ListMethodPoliciesResponse>) responseObserver);
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

  private static abstract class SystemServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    SystemServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.system.v1.SystemServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("SystemService");
    }
  }

  private static final class SystemServiceFileDescriptorSupplier
      extends SystemServiceBaseDescriptorSupplier {
    SystemServiceFileDescriptorSupplier() {}
  }

  private static final class SystemServiceMethodDescriptorSupplier
      extends SystemServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    SystemServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (SystemServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new SystemServiceFileDescriptorSupplier())
              .addMethod(getGetWhoAmIMethod())
              .addMethod(getGetVersionMethod())
              .addMethod(getListMethodPoliciesMethod())
              .build();
        }
      }
    }
    return result;
  }
}
