package tw.jipan.cloud.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * An organisation's offering catalog: instance types, storage classes and
 * egress prices normalised from the providers' own price lists, with each
 * region's country and certifications, and prices in the provider's
 * currency and in TWD at a dated exchange rate.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/cloud/v1/catalog_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class CatalogServiceGrpc {

  private CatalogServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.cloud.v1.CatalogService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ImportOfferingsRequest,
      tw.jipan.cloud.v1.ImportOfferingsResponse> getImportOfferingsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ImportOfferings",
      requestType = tw.jipan.cloud.v1.ImportOfferingsRequest.class,
      responseType = tw.jipan.cloud.v1.ImportOfferingsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ImportOfferingsRequest,
      tw.jipan.cloud.v1.ImportOfferingsResponse> getImportOfferingsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ImportOfferingsRequest, tw.jipan.cloud.v1.ImportOfferingsResponse> getImportOfferingsMethod;
    if ((getImportOfferingsMethod = CatalogServiceGrpc.getImportOfferingsMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getImportOfferingsMethod = CatalogServiceGrpc.getImportOfferingsMethod) == null) {
          CatalogServiceGrpc.getImportOfferingsMethod = getImportOfferingsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.ImportOfferingsRequest, tw.jipan.cloud.v1.ImportOfferingsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ImportOfferings"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ImportOfferingsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ImportOfferingsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("ImportOfferings"))
              .build();
        }
      }
    }
    return getImportOfferingsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.FetchOfferingsRequest,
      tw.jipan.cloud.v1.FetchOfferingsResponse> getFetchOfferingsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "FetchOfferings",
      requestType = tw.jipan.cloud.v1.FetchOfferingsRequest.class,
      responseType = tw.jipan.cloud.v1.FetchOfferingsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.FetchOfferingsRequest,
      tw.jipan.cloud.v1.FetchOfferingsResponse> getFetchOfferingsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.FetchOfferingsRequest, tw.jipan.cloud.v1.FetchOfferingsResponse> getFetchOfferingsMethod;
    if ((getFetchOfferingsMethod = CatalogServiceGrpc.getFetchOfferingsMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getFetchOfferingsMethod = CatalogServiceGrpc.getFetchOfferingsMethod) == null) {
          CatalogServiceGrpc.getFetchOfferingsMethod = getFetchOfferingsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.FetchOfferingsRequest, tw.jipan.cloud.v1.FetchOfferingsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "FetchOfferings"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.FetchOfferingsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.FetchOfferingsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("FetchOfferings"))
              .build();
        }
      }
    }
    return getFetchOfferingsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.GetOfferingRequest,
      tw.jipan.cloud.v1.GetOfferingResponse> getGetOfferingMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetOffering",
      requestType = tw.jipan.cloud.v1.GetOfferingRequest.class,
      responseType = tw.jipan.cloud.v1.GetOfferingResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.GetOfferingRequest,
      tw.jipan.cloud.v1.GetOfferingResponse> getGetOfferingMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.GetOfferingRequest, tw.jipan.cloud.v1.GetOfferingResponse> getGetOfferingMethod;
    if ((getGetOfferingMethod = CatalogServiceGrpc.getGetOfferingMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getGetOfferingMethod = CatalogServiceGrpc.getGetOfferingMethod) == null) {
          CatalogServiceGrpc.getGetOfferingMethod = getGetOfferingMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.GetOfferingRequest, tw.jipan.cloud.v1.GetOfferingResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetOffering"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.GetOfferingRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.GetOfferingResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("GetOffering"))
              .build();
        }
      }
    }
    return getGetOfferingMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListOfferingsRequest,
      tw.jipan.cloud.v1.ListOfferingsResponse> getListOfferingsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListOfferings",
      requestType = tw.jipan.cloud.v1.ListOfferingsRequest.class,
      responseType = tw.jipan.cloud.v1.ListOfferingsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListOfferingsRequest,
      tw.jipan.cloud.v1.ListOfferingsResponse> getListOfferingsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListOfferingsRequest, tw.jipan.cloud.v1.ListOfferingsResponse> getListOfferingsMethod;
    if ((getListOfferingsMethod = CatalogServiceGrpc.getListOfferingsMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getListOfferingsMethod = CatalogServiceGrpc.getListOfferingsMethod) == null) {
          CatalogServiceGrpc.getListOfferingsMethod = getListOfferingsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.ListOfferingsRequest, tw.jipan.cloud.v1.ListOfferingsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListOfferings"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListOfferingsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListOfferingsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("ListOfferings"))
              .build();
        }
      }
    }
    return getListOfferingsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static CatalogServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CatalogServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CatalogServiceStub>() {
        @java.lang.Override
        public CatalogServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CatalogServiceStub(channel, callOptions);
        }
      };
    return CatalogServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static CatalogServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CatalogServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CatalogServiceBlockingStub>() {
        @java.lang.Override
        public CatalogServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CatalogServiceBlockingStub(channel, callOptions);
        }
      };
    return CatalogServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static CatalogServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CatalogServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CatalogServiceFutureStub>() {
        @java.lang.Override
        public CatalogServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CatalogServiceFutureStub(channel, callOptions);
        }
      };
    return CatalogServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * An organisation's offering catalog: instance types, storage classes and
   * egress prices normalised from the providers' own price lists, with each
   * region's country and certifications, and prices in the provider's
   * currency and in TWD at a dated exchange rate.
   * </pre>
   */
  public static abstract class CatalogServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Loads a price list in a provider's own format into the caller's
     * organisation's catalog. Offerings with the same provider, kind, type,
     * region and zone are replaced; others stay.
     * </pre>
     */
    public void importOfferings(tw.jipan.cloud.v1.ImportOfferingsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ImportOfferingsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getImportOfferingsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Fetches prices from a provider account's own price-list API (the AWS
     * Price List Query API's GetProducts for an "aws" account: on-demand
     * Linux shared-tenancy EC2 instances, EBS volumes and data transfer out to
     * the internet, per region) and loads them as ImportOfferings loads the
     * same provider's document: each entry the API returns is an offer-file
     * product with its terms, and the offerings it yields are those the offer
     * file would (their `source` is PRICE_LIST_FORMAT_AWS_OFFER_FILE).
     * A separate RPC rather than a `provider_account` in ImportOfferings: that
     * request's `format` and `content` stay required, and this one's errors
     * are the provider's (PROVIDER_REFUSED, PROVIDER_UNAVAILABLE).
     * </pre>
     */
    public void fetchOfferings(tw.jipan.cloud.v1.FetchOfferingsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.FetchOfferingsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getFetchOfferingsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one offering.
     * </pre>
     */
    public void getOffering(tw.jipan.cloud.v1.GetOfferingRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.GetOfferingResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetOfferingMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's offerings, by name.
     * </pre>
     */
    public void listOfferings(tw.jipan.cloud.v1.ListOfferingsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListOfferingsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListOfferingsMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getImportOfferingsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.ImportOfferingsRequest,
                tw.jipan.cloud.v1.ImportOfferingsResponse>(
                  this, METHODID_IMPORT_OFFERINGS)))
          .addMethod(
            getFetchOfferingsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.FetchOfferingsRequest,
                tw.jipan.cloud.v1.FetchOfferingsResponse>(
                  this, METHODID_FETCH_OFFERINGS)))
          .addMethod(
            getGetOfferingMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.GetOfferingRequest,
                tw.jipan.cloud.v1.GetOfferingResponse>(
                  this, METHODID_GET_OFFERING)))
          .addMethod(
            getListOfferingsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.ListOfferingsRequest,
                tw.jipan.cloud.v1.ListOfferingsResponse>(
                  this, METHODID_LIST_OFFERINGS)))
          .build();
    }
  }

  /**
   * <pre>
   * An organisation's offering catalog: instance types, storage classes and
   * egress prices normalised from the providers' own price lists, with each
   * region's country and certifications, and prices in the provider's
   * currency and in TWD at a dated exchange rate.
   * </pre>
   */
  public static final class CatalogServiceStub extends io.grpc.stub.AbstractAsyncStub<CatalogServiceStub> {
    private CatalogServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CatalogServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CatalogServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Loads a price list in a provider's own format into the caller's
     * organisation's catalog. Offerings with the same provider, kind, type,
     * region and zone are replaced; others stay.
     * </pre>
     */
    public void importOfferings(tw.jipan.cloud.v1.ImportOfferingsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ImportOfferingsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getImportOfferingsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Fetches prices from a provider account's own price-list API (the AWS
     * Price List Query API's GetProducts for an "aws" account: on-demand
     * Linux shared-tenancy EC2 instances, EBS volumes and data transfer out to
     * the internet, per region) and loads them as ImportOfferings loads the
     * same provider's document: each entry the API returns is an offer-file
     * product with its terms, and the offerings it yields are those the offer
     * file would (their `source` is PRICE_LIST_FORMAT_AWS_OFFER_FILE).
     * A separate RPC rather than a `provider_account` in ImportOfferings: that
     * request's `format` and `content` stay required, and this one's errors
     * are the provider's (PROVIDER_REFUSED, PROVIDER_UNAVAILABLE).
     * </pre>
     */
    public void fetchOfferings(tw.jipan.cloud.v1.FetchOfferingsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.FetchOfferingsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getFetchOfferingsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one offering.
     * </pre>
     */
    public void getOffering(tw.jipan.cloud.v1.GetOfferingRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.GetOfferingResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetOfferingMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's offerings, by name.
     * </pre>
     */
    public void listOfferings(tw.jipan.cloud.v1.ListOfferingsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListOfferingsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListOfferingsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * An organisation's offering catalog: instance types, storage classes and
   * egress prices normalised from the providers' own price lists, with each
   * region's country and certifications, and prices in the provider's
   * currency and in TWD at a dated exchange rate.
   * </pre>
   */
  public static final class CatalogServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<CatalogServiceBlockingStub> {
    private CatalogServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CatalogServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CatalogServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Loads a price list in a provider's own format into the caller's
     * organisation's catalog. Offerings with the same provider, kind, type,
     * region and zone are replaced; others stay.
     * </pre>
     */
    public tw.jipan.cloud.v1.ImportOfferingsResponse importOfferings(tw.jipan.cloud.v1.ImportOfferingsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getImportOfferingsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Fetches prices from a provider account's own price-list API (the AWS
     * Price List Query API's GetProducts for an "aws" account: on-demand
     * Linux shared-tenancy EC2 instances, EBS volumes and data transfer out to
     * the internet, per region) and loads them as ImportOfferings loads the
     * same provider's document: each entry the API returns is an offer-file
     * product with its terms, and the offerings it yields are those the offer
     * file would (their `source` is PRICE_LIST_FORMAT_AWS_OFFER_FILE).
     * A separate RPC rather than a `provider_account` in ImportOfferings: that
     * request's `format` and `content` stay required, and this one's errors
     * are the provider's (PROVIDER_REFUSED, PROVIDER_UNAVAILABLE).
     * </pre>
     */
    public tw.jipan.cloud.v1.FetchOfferingsResponse fetchOfferings(tw.jipan.cloud.v1.FetchOfferingsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getFetchOfferingsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one offering.
     * </pre>
     */
    public tw.jipan.cloud.v1.GetOfferingResponse getOffering(tw.jipan.cloud.v1.GetOfferingRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetOfferingMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's offerings, by name.
     * </pre>
     */
    public tw.jipan.cloud.v1.ListOfferingsResponse listOfferings(tw.jipan.cloud.v1.ListOfferingsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListOfferingsMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * An organisation's offering catalog: instance types, storage classes and
   * egress prices normalised from the providers' own price lists, with each
   * region's country and certifications, and prices in the provider's
   * currency and in TWD at a dated exchange rate.
   * </pre>
   */
  public static final class CatalogServiceFutureStub extends io.grpc.stub.AbstractFutureStub<CatalogServiceFutureStub> {
    private CatalogServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CatalogServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CatalogServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Loads a price list in a provider's own format into the caller's
     * organisation's catalog. Offerings with the same provider, kind, type,
     * region and zone are replaced; others stay.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.ImportOfferingsResponse> importOfferings(
        tw.jipan.cloud.v1.ImportOfferingsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getImportOfferingsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Fetches prices from a provider account's own price-list API (the AWS
     * Price List Query API's GetProducts for an "aws" account: on-demand
     * Linux shared-tenancy EC2 instances, EBS volumes and data transfer out to
     * the internet, per region) and loads them as ImportOfferings loads the
     * same provider's document: each entry the API returns is an offer-file
     * product with its terms, and the offerings it yields are those the offer
     * file would (their `source` is PRICE_LIST_FORMAT_AWS_OFFER_FILE).
     * A separate RPC rather than a `provider_account` in ImportOfferings: that
     * request's `format` and `content` stay required, and this one's errors
     * are the provider's (PROVIDER_REFUSED, PROVIDER_UNAVAILABLE).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.FetchOfferingsResponse> fetchOfferings(
        tw.jipan.cloud.v1.FetchOfferingsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getFetchOfferingsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one offering.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.GetOfferingResponse> getOffering(
        tw.jipan.cloud.v1.GetOfferingRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetOfferingMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's offerings, by name.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.ListOfferingsResponse> listOfferings(
        tw.jipan.cloud.v1.ListOfferingsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListOfferingsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_IMPORT_OFFERINGS = 0;
  private static final int METHODID_FETCH_OFFERINGS = 1;
  private static final int METHODID_GET_OFFERING = 2;
  private static final int METHODID_LIST_OFFERINGS = 3;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final CatalogServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(CatalogServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_IMPORT_OFFERINGS:
          serviceImpl.importOfferings((tw.jipan.cloud.v1.ImportOfferingsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ImportOfferingsResponse>) responseObserver);
          break;
        case METHODID_FETCH_OFFERINGS:
          serviceImpl.fetchOfferings((tw.jipan.cloud.v1.FetchOfferingsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.FetchOfferingsResponse>) responseObserver);
          break;
        case METHODID_GET_OFFERING:
          serviceImpl.getOffering((tw.jipan.cloud.v1.GetOfferingRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.GetOfferingResponse>) responseObserver);
          break;
        case METHODID_LIST_OFFERINGS:
          serviceImpl.listOfferings((tw.jipan.cloud.v1.ListOfferingsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListOfferingsResponse>) responseObserver);
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

  private static abstract class CatalogServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    CatalogServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.cloud.v1.CatalogServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("CatalogService");
    }
  }

  private static final class CatalogServiceFileDescriptorSupplier
      extends CatalogServiceBaseDescriptorSupplier {
    CatalogServiceFileDescriptorSupplier() {}
  }

  private static final class CatalogServiceMethodDescriptorSupplier
      extends CatalogServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    CatalogServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (CatalogServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new CatalogServiceFileDescriptorSupplier())
              .addMethod(getImportOfferingsMethod())
              .addMethod(getFetchOfferingsMethod())
              .addMethod(getGetOfferingMethod())
              .addMethod(getListOfferingsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
