package tw.jipan.cloud.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Copying a bucket between providers (S3, S3-compatible, Azure blob) as a
 * long-running operation: streamed, checksummed per object, resumable after
 * a crash, progress in the operation's metadata, then a verification pass.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/cloud/v1/migration_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class MigrationServiceGrpc {

  private MigrationServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.cloud.v1.MigrationService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.CreateMigrationRequest,
      tw.jipan.cloud.v1.CreateMigrationResponse> getCreateMigrationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateMigration",
      requestType = tw.jipan.cloud.v1.CreateMigrationRequest.class,
      responseType = tw.jipan.cloud.v1.CreateMigrationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.CreateMigrationRequest,
      tw.jipan.cloud.v1.CreateMigrationResponse> getCreateMigrationMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.CreateMigrationRequest, tw.jipan.cloud.v1.CreateMigrationResponse> getCreateMigrationMethod;
    if ((getCreateMigrationMethod = MigrationServiceGrpc.getCreateMigrationMethod) == null) {
      synchronized (MigrationServiceGrpc.class) {
        if ((getCreateMigrationMethod = MigrationServiceGrpc.getCreateMigrationMethod) == null) {
          MigrationServiceGrpc.getCreateMigrationMethod = getCreateMigrationMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.CreateMigrationRequest, tw.jipan.cloud.v1.CreateMigrationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateMigration"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.CreateMigrationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.CreateMigrationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new MigrationServiceMethodDescriptorSupplier("CreateMigration"))
              .build();
        }
      }
    }
    return getCreateMigrationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.GetMigrationRequest,
      tw.jipan.cloud.v1.GetMigrationResponse> getGetMigrationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetMigration",
      requestType = tw.jipan.cloud.v1.GetMigrationRequest.class,
      responseType = tw.jipan.cloud.v1.GetMigrationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.GetMigrationRequest,
      tw.jipan.cloud.v1.GetMigrationResponse> getGetMigrationMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.GetMigrationRequest, tw.jipan.cloud.v1.GetMigrationResponse> getGetMigrationMethod;
    if ((getGetMigrationMethod = MigrationServiceGrpc.getGetMigrationMethod) == null) {
      synchronized (MigrationServiceGrpc.class) {
        if ((getGetMigrationMethod = MigrationServiceGrpc.getGetMigrationMethod) == null) {
          MigrationServiceGrpc.getGetMigrationMethod = getGetMigrationMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.GetMigrationRequest, tw.jipan.cloud.v1.GetMigrationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetMigration"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.GetMigrationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.GetMigrationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new MigrationServiceMethodDescriptorSupplier("GetMigration"))
              .build();
        }
      }
    }
    return getGetMigrationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListMigrationsRequest,
      tw.jipan.cloud.v1.ListMigrationsResponse> getListMigrationsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListMigrations",
      requestType = tw.jipan.cloud.v1.ListMigrationsRequest.class,
      responseType = tw.jipan.cloud.v1.ListMigrationsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListMigrationsRequest,
      tw.jipan.cloud.v1.ListMigrationsResponse> getListMigrationsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListMigrationsRequest, tw.jipan.cloud.v1.ListMigrationsResponse> getListMigrationsMethod;
    if ((getListMigrationsMethod = MigrationServiceGrpc.getListMigrationsMethod) == null) {
      synchronized (MigrationServiceGrpc.class) {
        if ((getListMigrationsMethod = MigrationServiceGrpc.getListMigrationsMethod) == null) {
          MigrationServiceGrpc.getListMigrationsMethod = getListMigrationsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.ListMigrationsRequest, tw.jipan.cloud.v1.ListMigrationsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListMigrations"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListMigrationsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListMigrationsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new MigrationServiceMethodDescriptorSupplier("ListMigrations"))
              .build();
        }
      }
    }
    return getListMigrationsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static MigrationServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<MigrationServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<MigrationServiceStub>() {
        @java.lang.Override
        public MigrationServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new MigrationServiceStub(channel, callOptions);
        }
      };
    return MigrationServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static MigrationServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<MigrationServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<MigrationServiceBlockingStub>() {
        @java.lang.Override
        public MigrationServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new MigrationServiceBlockingStub(channel, callOptions);
        }
      };
    return MigrationServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static MigrationServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<MigrationServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<MigrationServiceFutureStub>() {
        @java.lang.Override
        public MigrationServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new MigrationServiceFutureStub(channel, callOptions);
        }
      };
    return MigrationServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Copying a bucket between providers (S3, S3-compatible, Azure blob) as a
   * long-running operation: streamed, checksummed per object, resumable after
   * a crash, progress in the operation's metadata, then a verification pass.
   * </pre>
   */
  public static abstract class MigrationServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Starts a migration; its operation is polled with
     * ProvisioningService.GetOperation. A replayed `request_id` returns the
     * first operation.
     * </pre>
     */
    public void createMigration(tw.jipan.cloud.v1.CreateMigrationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.CreateMigrationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateMigrationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one migration.
     * </pre>
     */
    public void getMigration(tw.jipan.cloud.v1.GetMigrationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.GetMigrationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetMigrationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the organisation's migrations, oldest first.
     * </pre>
     */
    public void listMigrations(tw.jipan.cloud.v1.ListMigrationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListMigrationsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListMigrationsMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateMigrationMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.CreateMigrationRequest,
                tw.jipan.cloud.v1.CreateMigrationResponse>(
                  this, METHODID_CREATE_MIGRATION)))
          .addMethod(
            getGetMigrationMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.GetMigrationRequest,
                tw.jipan.cloud.v1.GetMigrationResponse>(
                  this, METHODID_GET_MIGRATION)))
          .addMethod(
            getListMigrationsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.ListMigrationsRequest,
                tw.jipan.cloud.v1.ListMigrationsResponse>(
                  this, METHODID_LIST_MIGRATIONS)))
          .build();
    }
  }

  /**
   * <pre>
   * Copying a bucket between providers (S3, S3-compatible, Azure blob) as a
   * long-running operation: streamed, checksummed per object, resumable after
   * a crash, progress in the operation's metadata, then a verification pass.
   * </pre>
   */
  public static final class MigrationServiceStub extends io.grpc.stub.AbstractAsyncStub<MigrationServiceStub> {
    private MigrationServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected MigrationServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new MigrationServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts a migration; its operation is polled with
     * ProvisioningService.GetOperation. A replayed `request_id` returns the
     * first operation.
     * </pre>
     */
    public void createMigration(tw.jipan.cloud.v1.CreateMigrationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.CreateMigrationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateMigrationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one migration.
     * </pre>
     */
    public void getMigration(tw.jipan.cloud.v1.GetMigrationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.GetMigrationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetMigrationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the organisation's migrations, oldest first.
     * </pre>
     */
    public void listMigrations(tw.jipan.cloud.v1.ListMigrationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListMigrationsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListMigrationsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Copying a bucket between providers (S3, S3-compatible, Azure blob) as a
   * long-running operation: streamed, checksummed per object, resumable after
   * a crash, progress in the operation's metadata, then a verification pass.
   * </pre>
   */
  public static final class MigrationServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<MigrationServiceBlockingStub> {
    private MigrationServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected MigrationServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new MigrationServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts a migration; its operation is polled with
     * ProvisioningService.GetOperation. A replayed `request_id` returns the
     * first operation.
     * </pre>
     */
    public tw.jipan.cloud.v1.CreateMigrationResponse createMigration(tw.jipan.cloud.v1.CreateMigrationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateMigrationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one migration.
     * </pre>
     */
    public tw.jipan.cloud.v1.GetMigrationResponse getMigration(tw.jipan.cloud.v1.GetMigrationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetMigrationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the organisation's migrations, oldest first.
     * </pre>
     */
    public tw.jipan.cloud.v1.ListMigrationsResponse listMigrations(tw.jipan.cloud.v1.ListMigrationsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListMigrationsMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Copying a bucket between providers (S3, S3-compatible, Azure blob) as a
   * long-running operation: streamed, checksummed per object, resumable after
   * a crash, progress in the operation's metadata, then a verification pass.
   * </pre>
   */
  public static final class MigrationServiceFutureStub extends io.grpc.stub.AbstractFutureStub<MigrationServiceFutureStub> {
    private MigrationServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected MigrationServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new MigrationServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts a migration; its operation is polled with
     * ProvisioningService.GetOperation. A replayed `request_id` returns the
     * first operation.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.CreateMigrationResponse> createMigration(
        tw.jipan.cloud.v1.CreateMigrationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateMigrationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one migration.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.GetMigrationResponse> getMigration(
        tw.jipan.cloud.v1.GetMigrationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetMigrationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the organisation's migrations, oldest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.ListMigrationsResponse> listMigrations(
        tw.jipan.cloud.v1.ListMigrationsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListMigrationsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_MIGRATION = 0;
  private static final int METHODID_GET_MIGRATION = 1;
  private static final int METHODID_LIST_MIGRATIONS = 2;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final MigrationServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(MigrationServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_MIGRATION:
          serviceImpl.createMigration((tw.jipan.cloud.v1.CreateMigrationRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.CreateMigrationResponse>) responseObserver);
          break;
        case METHODID_GET_MIGRATION:
          serviceImpl.getMigration((tw.jipan.cloud.v1.GetMigrationRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.GetMigrationResponse>) responseObserver);
          break;
        case METHODID_LIST_MIGRATIONS:
          serviceImpl.listMigrations((tw.jipan.cloud.v1.ListMigrationsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListMigrationsResponse>) responseObserver);
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

  private static abstract class MigrationServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    MigrationServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.cloud.v1.MigrationServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("MigrationService");
    }
  }

  private static final class MigrationServiceFileDescriptorSupplier
      extends MigrationServiceBaseDescriptorSupplier {
    MigrationServiceFileDescriptorSupplier() {}
  }

  private static final class MigrationServiceMethodDescriptorSupplier
      extends MigrationServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    MigrationServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (MigrationServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new MigrationServiceFileDescriptorSupplier())
              .addMethod(getCreateMigrationMethod())
              .addMethod(getGetMigrationMethod())
              .addMethod(getListMigrationsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
