package tw.jipan.factcheck.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Source credibility: organisations keep credibility records for web
 * sources (a domain, or the URLs under a prefix), and anyone asks what is
 * known about a URL (CheckSource) after it is normalised: scheme, `www.`,
 * tracking parameters, default ports and fragments folded away, URL
 * shorteners recognised from a list kept as data.
 * Drafts and withdrawn records are visible only to their organisation;
 * another organisation's is NOT_FOUND.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/factcheck/v1/source_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class SourceServiceGrpc {

  private SourceServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.factcheck.v1.SourceService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.CreateSourceRequest,
      tw.jipan.factcheck.v1.CreateSourceResponse> getCreateSourceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateSource",
      requestType = tw.jipan.factcheck.v1.CreateSourceRequest.class,
      responseType = tw.jipan.factcheck.v1.CreateSourceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.CreateSourceRequest,
      tw.jipan.factcheck.v1.CreateSourceResponse> getCreateSourceMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.CreateSourceRequest, tw.jipan.factcheck.v1.CreateSourceResponse> getCreateSourceMethod;
    if ((getCreateSourceMethod = SourceServiceGrpc.getCreateSourceMethod) == null) {
      synchronized (SourceServiceGrpc.class) {
        if ((getCreateSourceMethod = SourceServiceGrpc.getCreateSourceMethod) == null) {
          SourceServiceGrpc.getCreateSourceMethod = getCreateSourceMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.CreateSourceRequest, tw.jipan.factcheck.v1.CreateSourceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateSource"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.CreateSourceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.CreateSourceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SourceServiceMethodDescriptorSupplier("CreateSource"))
              .build();
        }
      }
    }
    return getCreateSourceMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.GetSourceRequest,
      tw.jipan.factcheck.v1.GetSourceResponse> getGetSourceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetSource",
      requestType = tw.jipan.factcheck.v1.GetSourceRequest.class,
      responseType = tw.jipan.factcheck.v1.GetSourceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.GetSourceRequest,
      tw.jipan.factcheck.v1.GetSourceResponse> getGetSourceMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.GetSourceRequest, tw.jipan.factcheck.v1.GetSourceResponse> getGetSourceMethod;
    if ((getGetSourceMethod = SourceServiceGrpc.getGetSourceMethod) == null) {
      synchronized (SourceServiceGrpc.class) {
        if ((getGetSourceMethod = SourceServiceGrpc.getGetSourceMethod) == null) {
          SourceServiceGrpc.getGetSourceMethod = getGetSourceMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.GetSourceRequest, tw.jipan.factcheck.v1.GetSourceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetSource"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.GetSourceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.GetSourceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SourceServiceMethodDescriptorSupplier("GetSource"))
              .build();
        }
      }
    }
    return getGetSourceMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ListSourcesRequest,
      tw.jipan.factcheck.v1.ListSourcesResponse> getListSourcesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSources",
      requestType = tw.jipan.factcheck.v1.ListSourcesRequest.class,
      responseType = tw.jipan.factcheck.v1.ListSourcesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ListSourcesRequest,
      tw.jipan.factcheck.v1.ListSourcesResponse> getListSourcesMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.ListSourcesRequest, tw.jipan.factcheck.v1.ListSourcesResponse> getListSourcesMethod;
    if ((getListSourcesMethod = SourceServiceGrpc.getListSourcesMethod) == null) {
      synchronized (SourceServiceGrpc.class) {
        if ((getListSourcesMethod = SourceServiceGrpc.getListSourcesMethod) == null) {
          SourceServiceGrpc.getListSourcesMethod = getListSourcesMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.ListSourcesRequest, tw.jipan.factcheck.v1.ListSourcesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSources"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.ListSourcesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.ListSourcesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SourceServiceMethodDescriptorSupplier("ListSources"))
              .build();
        }
      }
    }
    return getListSourcesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.UpdateSourceRequest,
      tw.jipan.factcheck.v1.UpdateSourceResponse> getUpdateSourceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateSource",
      requestType = tw.jipan.factcheck.v1.UpdateSourceRequest.class,
      responseType = tw.jipan.factcheck.v1.UpdateSourceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.UpdateSourceRequest,
      tw.jipan.factcheck.v1.UpdateSourceResponse> getUpdateSourceMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.UpdateSourceRequest, tw.jipan.factcheck.v1.UpdateSourceResponse> getUpdateSourceMethod;
    if ((getUpdateSourceMethod = SourceServiceGrpc.getUpdateSourceMethod) == null) {
      synchronized (SourceServiceGrpc.class) {
        if ((getUpdateSourceMethod = SourceServiceGrpc.getUpdateSourceMethod) == null) {
          SourceServiceGrpc.getUpdateSourceMethod = getUpdateSourceMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.UpdateSourceRequest, tw.jipan.factcheck.v1.UpdateSourceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateSource"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.UpdateSourceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.UpdateSourceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SourceServiceMethodDescriptorSupplier("UpdateSource"))
              .build();
        }
      }
    }
    return getUpdateSourceMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.CheckSourceRequest,
      tw.jipan.factcheck.v1.CheckSourceResponse> getCheckSourceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CheckSource",
      requestType = tw.jipan.factcheck.v1.CheckSourceRequest.class,
      responseType = tw.jipan.factcheck.v1.CheckSourceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.CheckSourceRequest,
      tw.jipan.factcheck.v1.CheckSourceResponse> getCheckSourceMethod() {
    io.grpc.MethodDescriptor<tw.jipan.factcheck.v1.CheckSourceRequest, tw.jipan.factcheck.v1.CheckSourceResponse> getCheckSourceMethod;
    if ((getCheckSourceMethod = SourceServiceGrpc.getCheckSourceMethod) == null) {
      synchronized (SourceServiceGrpc.class) {
        if ((getCheckSourceMethod = SourceServiceGrpc.getCheckSourceMethod) == null) {
          SourceServiceGrpc.getCheckSourceMethod = getCheckSourceMethod =
              io.grpc.MethodDescriptor.<tw.jipan.factcheck.v1.CheckSourceRequest, tw.jipan.factcheck.v1.CheckSourceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CheckSource"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.CheckSourceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.factcheck.v1.CheckSourceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SourceServiceMethodDescriptorSupplier("CheckSource"))
              .build();
        }
      }
    }
    return getCheckSourceMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static SourceServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SourceServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SourceServiceStub>() {
        @java.lang.Override
        public SourceServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SourceServiceStub(channel, callOptions);
        }
      };
    return SourceServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static SourceServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SourceServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SourceServiceBlockingStub>() {
        @java.lang.Override
        public SourceServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SourceServiceBlockingStub(channel, callOptions);
        }
      };
    return SourceServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static SourceServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SourceServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SourceServiceFutureStub>() {
        @java.lang.Override
        public SourceServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SourceServiceFutureStub(channel, callOptions);
        }
      };
    return SourceServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Source credibility: organisations keep credibility records for web
   * sources (a domain, or the URLs under a prefix), and anyone asks what is
   * known about a URL (CheckSource) after it is normalised: scheme, `www.`,
   * tracking parameters, default ports and fragments folded away, URL
   * shorteners recognised from a list kept as data.
   * Drafts and withdrawn records are visible only to their organisation;
   * another organisation's is NOT_FOUND.
   * </pre>
   */
  public static abstract class SourceServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Writes a credibility record of the caller's organisation. A replayed
     * `request_id` returns the first record.
     * </pre>
     */
    public void createSource(tw.jipan.factcheck.v1.CreateSourceRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.CreateSourceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateSourceMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns a record: any published one, or any of the caller's
     * organisation.
     * </pre>
     */
    public void getSource(tw.jipan.factcheck.v1.GetSourceRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.GetSourceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetSourceMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's records, oldest first.
     * </pre>
     */
    public void listSources(tw.jipan.factcheck.v1.ListSourcesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ListSourcesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSourcesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Changes the fields named in `update_mask` of a record of the caller's
     * organisation (publishing or withdrawing it through `status`).
     * </pre>
     */
    public void updateSource(tw.jipan.factcheck.v1.UpdateSourceRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.UpdateSourceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateSourceMethod(), responseObserver);
    }

    /**
     * <pre>
     * Normalises a URL and answers with the published records that cover it
     * (of every organisation, the most specific first), or none: unknown.
     * Public: no token needed.
     * </pre>
     */
    public void checkSource(tw.jipan.factcheck.v1.CheckSourceRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.CheckSourceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCheckSourceMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateSourceMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.CreateSourceRequest,
                tw.jipan.factcheck.v1.CreateSourceResponse>(
                  this, METHODID_CREATE_SOURCE)))
          .addMethod(
            getGetSourceMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.GetSourceRequest,
                tw.jipan.factcheck.v1.GetSourceResponse>(
                  this, METHODID_GET_SOURCE)))
          .addMethod(
            getListSourcesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.ListSourcesRequest,
                tw.jipan.factcheck.v1.ListSourcesResponse>(
                  this, METHODID_LIST_SOURCES)))
          .addMethod(
            getUpdateSourceMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.UpdateSourceRequest,
                tw.jipan.factcheck.v1.UpdateSourceResponse>(
                  this, METHODID_UPDATE_SOURCE)))
          .addMethod(
            getCheckSourceMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.factcheck.v1.CheckSourceRequest,
                tw.jipan.factcheck.v1.CheckSourceResponse>(
                  this, METHODID_CHECK_SOURCE)))
          .build();
    }
  }

  /**
   * <pre>
   * Source credibility: organisations keep credibility records for web
   * sources (a domain, or the URLs under a prefix), and anyone asks what is
   * known about a URL (CheckSource) after it is normalised: scheme, `www.`,
   * tracking parameters, default ports and fragments folded away, URL
   * shorteners recognised from a list kept as data.
   * Drafts and withdrawn records are visible only to their organisation;
   * another organisation's is NOT_FOUND.
   * </pre>
   */
  public static final class SourceServiceStub extends io.grpc.stub.AbstractAsyncStub<SourceServiceStub> {
    private SourceServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SourceServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SourceServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Writes a credibility record of the caller's organisation. A replayed
     * `request_id` returns the first record.
     * </pre>
     */
    public void createSource(tw.jipan.factcheck.v1.CreateSourceRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.CreateSourceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateSourceMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns a record: any published one, or any of the caller's
     * organisation.
     * </pre>
     */
    public void getSource(tw.jipan.factcheck.v1.GetSourceRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.GetSourceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetSourceMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's records, oldest first.
     * </pre>
     */
    public void listSources(tw.jipan.factcheck.v1.ListSourcesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ListSourcesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSourcesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Changes the fields named in `update_mask` of a record of the caller's
     * organisation (publishing or withdrawing it through `status`).
     * </pre>
     */
    public void updateSource(tw.jipan.factcheck.v1.UpdateSourceRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.UpdateSourceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateSourceMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Normalises a URL and answers with the published records that cover it
     * (of every organisation, the most specific first), or none: unknown.
     * Public: no token needed.
     * </pre>
     */
    public void checkSource(tw.jipan.factcheck.v1.CheckSourceRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.CheckSourceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCheckSourceMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Source credibility: organisations keep credibility records for web
   * sources (a domain, or the URLs under a prefix), and anyone asks what is
   * known about a URL (CheckSource) after it is normalised: scheme, `www.`,
   * tracking parameters, default ports and fragments folded away, URL
   * shorteners recognised from a list kept as data.
   * Drafts and withdrawn records are visible only to their organisation;
   * another organisation's is NOT_FOUND.
   * </pre>
   */
  public static final class SourceServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<SourceServiceBlockingStub> {
    private SourceServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SourceServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SourceServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Writes a credibility record of the caller's organisation. A replayed
     * `request_id` returns the first record.
     * </pre>
     */
    public tw.jipan.factcheck.v1.CreateSourceResponse createSource(tw.jipan.factcheck.v1.CreateSourceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateSourceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns a record: any published one, or any of the caller's
     * organisation.
     * </pre>
     */
    public tw.jipan.factcheck.v1.GetSourceResponse getSource(tw.jipan.factcheck.v1.GetSourceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetSourceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's records, oldest first.
     * </pre>
     */
    public tw.jipan.factcheck.v1.ListSourcesResponse listSources(tw.jipan.factcheck.v1.ListSourcesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSourcesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes the fields named in `update_mask` of a record of the caller's
     * organisation (publishing or withdrawing it through `status`).
     * </pre>
     */
    public tw.jipan.factcheck.v1.UpdateSourceResponse updateSource(tw.jipan.factcheck.v1.UpdateSourceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateSourceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Normalises a URL and answers with the published records that cover it
     * (of every organisation, the most specific first), or none: unknown.
     * Public: no token needed.
     * </pre>
     */
    public tw.jipan.factcheck.v1.CheckSourceResponse checkSource(tw.jipan.factcheck.v1.CheckSourceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCheckSourceMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Source credibility: organisations keep credibility records for web
   * sources (a domain, or the URLs under a prefix), and anyone asks what is
   * known about a URL (CheckSource) after it is normalised: scheme, `www.`,
   * tracking parameters, default ports and fragments folded away, URL
   * shorteners recognised from a list kept as data.
   * Drafts and withdrawn records are visible only to their organisation;
   * another organisation's is NOT_FOUND.
   * </pre>
   */
  public static final class SourceServiceFutureStub extends io.grpc.stub.AbstractFutureStub<SourceServiceFutureStub> {
    private SourceServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SourceServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SourceServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Writes a credibility record of the caller's organisation. A replayed
     * `request_id` returns the first record.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.CreateSourceResponse> createSource(
        tw.jipan.factcheck.v1.CreateSourceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateSourceMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns a record: any published one, or any of the caller's
     * organisation.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.GetSourceResponse> getSource(
        tw.jipan.factcheck.v1.GetSourceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetSourceMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's records, oldest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.ListSourcesResponse> listSources(
        tw.jipan.factcheck.v1.ListSourcesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSourcesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Changes the fields named in `update_mask` of a record of the caller's
     * organisation (publishing or withdrawing it through `status`).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.UpdateSourceResponse> updateSource(
        tw.jipan.factcheck.v1.UpdateSourceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateSourceMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Normalises a URL and answers with the published records that cover it
     * (of every organisation, the most specific first), or none: unknown.
     * Public: no token needed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.factcheck.v1.CheckSourceResponse> checkSource(
        tw.jipan.factcheck.v1.CheckSourceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCheckSourceMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_SOURCE = 0;
  private static final int METHODID_GET_SOURCE = 1;
  private static final int METHODID_LIST_SOURCES = 2;
  private static final int METHODID_UPDATE_SOURCE = 3;
  private static final int METHODID_CHECK_SOURCE = 4;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final SourceServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(SourceServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_SOURCE:
          serviceImpl.createSource((tw.jipan.factcheck.v1.CreateSourceRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.CreateSourceResponse>) responseObserver);
          break;
        case METHODID_GET_SOURCE:
          serviceImpl.getSource((tw.jipan.factcheck.v1.GetSourceRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.GetSourceResponse>) responseObserver);
          break;
        case METHODID_LIST_SOURCES:
          serviceImpl.listSources((tw.jipan.factcheck.v1.ListSourcesRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.ListSourcesResponse>) responseObserver);
          break;
        case METHODID_UPDATE_SOURCE:
          serviceImpl.updateSource((tw.jipan.factcheck.v1.UpdateSourceRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.UpdateSourceResponse>) responseObserver);
          break;
        case METHODID_CHECK_SOURCE:
          serviceImpl.checkSource((tw.jipan.factcheck.v1.CheckSourceRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.factcheck.v1.CheckSourceResponse>) responseObserver);
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

  private static abstract class SourceServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    SourceServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.factcheck.v1.SourceServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("SourceService");
    }
  }

  private static final class SourceServiceFileDescriptorSupplier
      extends SourceServiceBaseDescriptorSupplier {
    SourceServiceFileDescriptorSupplier() {}
  }

  private static final class SourceServiceMethodDescriptorSupplier
      extends SourceServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    SourceServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (SourceServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new SourceServiceFileDescriptorSupplier())
              .addMethod(getCreateSourceMethod())
              .addMethod(getGetSourceMethod())
              .addMethod(getListSourcesMethod())
              .addMethod(getUpdateSourceMethod())
              .addMethod(getCheckSourceMethod())
              .build();
        }
      }
    }
    return result;
  }
}
