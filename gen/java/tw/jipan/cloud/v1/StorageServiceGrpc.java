package tw.jipan.cloud.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Object storage through the broker's adapters: one object written into a
 * bucket (or Azure container) of a provider account of the caller's
 * organisation, whatever the provider (AWS S3, S3-compatible domestic
 * storage, Azure Blob Storage, Google Cloud Storage). The caller never holds
 * the account's credentials: they stay sealed in the broker.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/cloud/v1/storage_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class StorageServiceGrpc {

  private StorageServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.cloud.v1.StorageService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.WriteObjectRequest,
      tw.jipan.cloud.v1.WriteObjectResponse> getWriteObjectMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WriteObject",
      requestType = tw.jipan.cloud.v1.WriteObjectRequest.class,
      responseType = tw.jipan.cloud.v1.WriteObjectResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.CLIENT_STREAMING)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.WriteObjectRequest,
      tw.jipan.cloud.v1.WriteObjectResponse> getWriteObjectMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.WriteObjectRequest, tw.jipan.cloud.v1.WriteObjectResponse> getWriteObjectMethod;
    if ((getWriteObjectMethod = StorageServiceGrpc.getWriteObjectMethod) == null) {
      synchronized (StorageServiceGrpc.class) {
        if ((getWriteObjectMethod = StorageServiceGrpc.getWriteObjectMethod) == null) {
          StorageServiceGrpc.getWriteObjectMethod = getWriteObjectMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.WriteObjectRequest, tw.jipan.cloud.v1.WriteObjectResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.CLIENT_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WriteObject"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.WriteObjectRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.WriteObjectResponse.getDefaultInstance()))
              .setSchemaDescriptor(new StorageServiceMethodDescriptorSupplier("WriteObject"))
              .build();
        }
      }
    }
    return getWriteObjectMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static StorageServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<StorageServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<StorageServiceStub>() {
        @java.lang.Override
        public StorageServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new StorageServiceStub(channel, callOptions);
        }
      };
    return StorageServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static StorageServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<StorageServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<StorageServiceBlockingStub>() {
        @java.lang.Override
        public StorageServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new StorageServiceBlockingStub(channel, callOptions);
        }
      };
    return StorageServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static StorageServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<StorageServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<StorageServiceFutureStub>() {
        @java.lang.Override
        public StorageServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new StorageServiceFutureStub(channel, callOptions);
        }
      };
    return StorageServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Object storage through the broker's adapters: one object written into a
   * bucket (or Azure container) of a provider account of the caller's
   * organisation, whatever the provider (AWS S3, S3-compatible domestic
   * storage, Azure Blob Storage, Google Cloud Storage). The caller never holds
   * the account's credentials: they stay sealed in the broker.
   * </pre>
   */
  public static abstract class StorageServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Writes one object: the header first (where, and optionally the size and
     * SHA-256 the data must have), then the data in chunks, in order. The
     * data are streamed to the provider (a multipart or block upload for a
     * large object), every request carrying its body's MD5, which the
     * provider checks. Size and SHA-256 are counted over the bytes received;
     * a stream that differs from what its header declared, or is larger than
     * the broker's limit (JIPAN_CLOUD_MAX_OBJECT_BYTES), is refused before
     * the provider completes the upload, so no object (and no previous one
     * replaced) is left behind. An object already at the key is replaced.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.WriteObjectRequest> writeObject(
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.WriteObjectResponse> responseObserver) {
      return io.grpc.stub.ServerCalls.asyncUnimplementedStreamingCall(getWriteObjectMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getWriteObjectMethod(),
            io.grpc.stub.ServerCalls.asyncClientStreamingCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.WriteObjectRequest,
                tw.jipan.cloud.v1.WriteObjectResponse>(
                  this, METHODID_WRITE_OBJECT)))
          .build();
    }
  }

  /**
   * <pre>
   * Object storage through the broker's adapters: one object written into a
   * bucket (or Azure container) of a provider account of the caller's
   * organisation, whatever the provider (AWS S3, S3-compatible domestic
   * storage, Azure Blob Storage, Google Cloud Storage). The caller never holds
   * the account's credentials: they stay sealed in the broker.
   * </pre>
   */
  public static final class StorageServiceStub extends io.grpc.stub.AbstractAsyncStub<StorageServiceStub> {
    private StorageServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected StorageServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new StorageServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Writes one object: the header first (where, and optionally the size and
     * SHA-256 the data must have), then the data in chunks, in order. The
     * data are streamed to the provider (a multipart or block upload for a
     * large object), every request carrying its body's MD5, which the
     * provider checks. Size and SHA-256 are counted over the bytes received;
     * a stream that differs from what its header declared, or is larger than
     * the broker's limit (JIPAN_CLOUD_MAX_OBJECT_BYTES), is refused before
     * the provider completes the upload, so no object (and no previous one
     * replaced) is left behind. An object already at the key is replaced.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.WriteObjectRequest> writeObject(
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.WriteObjectResponse> responseObserver) {
      return io.grpc.stub.ClientCalls.asyncClientStreamingCall(
          getChannel().newCall(getWriteObjectMethod(), getCallOptions()), responseObserver);
    }
  }

  /**
   * <pre>
   * Object storage through the broker's adapters: one object written into a
   * bucket (or Azure container) of a provider account of the caller's
   * organisation, whatever the provider (AWS S3, S3-compatible domestic
   * storage, Azure Blob Storage, Google Cloud Storage). The caller never holds
   * the account's credentials: they stay sealed in the broker.
   * </pre>
   */
  public static final class StorageServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<StorageServiceBlockingStub> {
    private StorageServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected StorageServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new StorageServiceBlockingStub(channel, callOptions);
    }
  }

  /**
   * <pre>
   * Object storage through the broker's adapters: one object written into a
   * bucket (or Azure container) of a provider account of the caller's
   * organisation, whatever the provider (AWS S3, S3-compatible domestic
   * storage, Azure Blob Storage, Google Cloud Storage). The caller never holds
   * the account's credentials: they stay sealed in the broker.
   * </pre>
   */
  public static final class StorageServiceFutureStub extends io.grpc.stub.AbstractFutureStub<StorageServiceFutureStub> {
    private StorageServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected StorageServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new StorageServiceFutureStub(channel, callOptions);
    }
  }

  private static final int METHODID_WRITE_OBJECT = 0;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final StorageServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(StorageServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_WRITE_OBJECT:
          return (io.grpc.stub.StreamObserver<Req>) serviceImpl.writeObject(
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.WriteObjectResponse>) responseObserver);
        default:
          throw new AssertionError();
      }
    }
  }

  private static abstract class StorageServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    StorageServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.cloud.v1.StorageServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("StorageService");
    }
  }

  private static final class StorageServiceFileDescriptorSupplier
      extends StorageServiceBaseDescriptorSupplier {
    StorageServiceFileDescriptorSupplier() {}
  }

  private static final class StorageServiceMethodDescriptorSupplier
      extends StorageServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    StorageServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (StorageServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new StorageServiceFileDescriptorSupplier())
              .addMethod(getWriteObjectMethod())
              .build();
        }
      }
    }
    return result;
  }
}
