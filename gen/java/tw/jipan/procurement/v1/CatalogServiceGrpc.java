package tw.jipan.procurement.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The joint-supply-contract catalog: contract lots and the vendors' listings
 * under them. Lots are the platform operator's; a vendor organisation (the
 * token's `org`) manages its own listings; APPROVED and FLAGGED listings are
 * visible to every caller, the others only to their vendor and to reviewers.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/procurement/v1/catalog_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class CatalogServiceGrpc {

  private CatalogServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.procurement.v1.CatalogService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.CreateLotRequest,
      tw.jipan.procurement.v1.CreateLotResponse> getCreateLotMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateLot",
      requestType = tw.jipan.procurement.v1.CreateLotRequest.class,
      responseType = tw.jipan.procurement.v1.CreateLotResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.CreateLotRequest,
      tw.jipan.procurement.v1.CreateLotResponse> getCreateLotMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.CreateLotRequest, tw.jipan.procurement.v1.CreateLotResponse> getCreateLotMethod;
    if ((getCreateLotMethod = CatalogServiceGrpc.getCreateLotMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getCreateLotMethod = CatalogServiceGrpc.getCreateLotMethod) == null) {
          CatalogServiceGrpc.getCreateLotMethod = getCreateLotMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.CreateLotRequest, tw.jipan.procurement.v1.CreateLotResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateLot"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.CreateLotRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.CreateLotResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("CreateLot"))
              .build();
        }
      }
    }
    return getCreateLotMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.GetLotRequest,
      tw.jipan.procurement.v1.GetLotResponse> getGetLotMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetLot",
      requestType = tw.jipan.procurement.v1.GetLotRequest.class,
      responseType = tw.jipan.procurement.v1.GetLotResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.GetLotRequest,
      tw.jipan.procurement.v1.GetLotResponse> getGetLotMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.GetLotRequest, tw.jipan.procurement.v1.GetLotResponse> getGetLotMethod;
    if ((getGetLotMethod = CatalogServiceGrpc.getGetLotMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getGetLotMethod = CatalogServiceGrpc.getGetLotMethod) == null) {
          CatalogServiceGrpc.getGetLotMethod = getGetLotMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.GetLotRequest, tw.jipan.procurement.v1.GetLotResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetLot"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.GetLotRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.GetLotResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("GetLot"))
              .build();
        }
      }
    }
    return getGetLotMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListLotsRequest,
      tw.jipan.procurement.v1.ListLotsResponse> getListLotsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListLots",
      requestType = tw.jipan.procurement.v1.ListLotsRequest.class,
      responseType = tw.jipan.procurement.v1.ListLotsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListLotsRequest,
      tw.jipan.procurement.v1.ListLotsResponse> getListLotsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.ListLotsRequest, tw.jipan.procurement.v1.ListLotsResponse> getListLotsMethod;
    if ((getListLotsMethod = CatalogServiceGrpc.getListLotsMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getListLotsMethod = CatalogServiceGrpc.getListLotsMethod) == null) {
          CatalogServiceGrpc.getListLotsMethod = getListLotsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.ListLotsRequest, tw.jipan.procurement.v1.ListLotsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListLots"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ListLotsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.ListLotsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("ListLots"))
              .build();
        }
      }
    }
    return getListLotsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.CreateListingRequest,
      tw.jipan.procurement.v1.CreateListingResponse> getCreateListingMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateListing",
      requestType = tw.jipan.procurement.v1.CreateListingRequest.class,
      responseType = tw.jipan.procurement.v1.CreateListingResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.CreateListingRequest,
      tw.jipan.procurement.v1.CreateListingResponse> getCreateListingMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.CreateListingRequest, tw.jipan.procurement.v1.CreateListingResponse> getCreateListingMethod;
    if ((getCreateListingMethod = CatalogServiceGrpc.getCreateListingMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getCreateListingMethod = CatalogServiceGrpc.getCreateListingMethod) == null) {
          CatalogServiceGrpc.getCreateListingMethod = getCreateListingMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.CreateListingRequest, tw.jipan.procurement.v1.CreateListingResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateListing"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.CreateListingRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.CreateListingResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("CreateListing"))
              .build();
        }
      }
    }
    return getCreateListingMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.GetListingRequest,
      tw.jipan.procurement.v1.GetListingResponse> getGetListingMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetListing",
      requestType = tw.jipan.procurement.v1.GetListingRequest.class,
      responseType = tw.jipan.procurement.v1.GetListingResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.GetListingRequest,
      tw.jipan.procurement.v1.GetListingResponse> getGetListingMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.GetListingRequest, tw.jipan.procurement.v1.GetListingResponse> getGetListingMethod;
    if ((getGetListingMethod = CatalogServiceGrpc.getGetListingMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getGetListingMethod = CatalogServiceGrpc.getGetListingMethod) == null) {
          CatalogServiceGrpc.getGetListingMethod = getGetListingMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.GetListingRequest, tw.jipan.procurement.v1.GetListingResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetListing"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.GetListingRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.GetListingResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("GetListing"))
              .build();
        }
      }
    }
    return getGetListingMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.UpdateListingRequest,
      tw.jipan.procurement.v1.UpdateListingResponse> getUpdateListingMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateListing",
      requestType = tw.jipan.procurement.v1.UpdateListingRequest.class,
      responseType = tw.jipan.procurement.v1.UpdateListingResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.UpdateListingRequest,
      tw.jipan.procurement.v1.UpdateListingResponse> getUpdateListingMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.UpdateListingRequest, tw.jipan.procurement.v1.UpdateListingResponse> getUpdateListingMethod;
    if ((getUpdateListingMethod = CatalogServiceGrpc.getUpdateListingMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getUpdateListingMethod = CatalogServiceGrpc.getUpdateListingMethod) == null) {
          CatalogServiceGrpc.getUpdateListingMethod = getUpdateListingMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.UpdateListingRequest, tw.jipan.procurement.v1.UpdateListingResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateListing"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.UpdateListingRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.UpdateListingResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("UpdateListing"))
              .build();
        }
      }
    }
    return getUpdateListingMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.procurement.v1.SearchListingsRequest,
      tw.jipan.procurement.v1.SearchListingsResponse> getSearchListingsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SearchListings",
      requestType = tw.jipan.procurement.v1.SearchListingsRequest.class,
      responseType = tw.jipan.procurement.v1.SearchListingsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.procurement.v1.SearchListingsRequest,
      tw.jipan.procurement.v1.SearchListingsResponse> getSearchListingsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.procurement.v1.SearchListingsRequest, tw.jipan.procurement.v1.SearchListingsResponse> getSearchListingsMethod;
    if ((getSearchListingsMethod = CatalogServiceGrpc.getSearchListingsMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getSearchListingsMethod = CatalogServiceGrpc.getSearchListingsMethod) == null) {
          CatalogServiceGrpc.getSearchListingsMethod = getSearchListingsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.procurement.v1.SearchListingsRequest, tw.jipan.procurement.v1.SearchListingsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SearchListings"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.SearchListingsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.procurement.v1.SearchListingsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("SearchListings"))
              .build();
        }
      }
    }
    return getSearchListingsMethod;
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
   * The joint-supply-contract catalog: contract lots and the vendors' listings
   * under them. Lots are the platform operator's; a vendor organisation (the
   * token's `org`) manages its own listings; APPROVED and FLAGGED listings are
   * visible to every caller, the others only to their vendor and to reviewers.
   * </pre>
   */
  public static abstract class CatalogServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Creates a contract lot.
     * </pre>
     */
    public void createLot(tw.jipan.procurement.v1.CreateLotRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.CreateLotResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateLotMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one lot.
     * </pre>
     */
    public void getLot(tw.jipan.procurement.v1.GetLotRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.GetLotResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetLotMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists lots, oldest first, optionally of one category.
     * </pre>
     */
    public void listLots(tw.jipan.procurement.v1.ListLotsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListLotsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListLotsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Creates a DRAFT listing for the caller's organisation.
     * </pre>
     */
    public void createListing(tw.jipan.procurement.v1.CreateListingRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.CreateListingResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateListingMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one listing the caller may see.
     * </pre>
     */
    public void getListing(tw.jipan.procurement.v1.GetListingRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.GetListingResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetListingMethod(), responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` of the caller's own listing.
     * Any change returns the listing to DRAFT: it must pass review again.
     * </pre>
     */
    public void updateListing(tw.jipan.procurement.v1.UpdateListingRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.UpdateListingResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateListingMethod(), responseObserver);
    }

    /**
     * <pre>
     * Searches listings the caller may see: full text over product name,
     * version and description in Chinese and English (trigram similarity, so
     * Chinese needs no word segmentation), with filters; best matches first,
     * or newest first without a query.
     * </pre>
     */
    public void searchListings(tw.jipan.procurement.v1.SearchListingsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.SearchListingsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSearchListingsMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateLotMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.CreateLotRequest,
                tw.jipan.procurement.v1.CreateLotResponse>(
                  this, METHODID_CREATE_LOT)))
          .addMethod(
            getGetLotMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.GetLotRequest,
                tw.jipan.procurement.v1.GetLotResponse>(
                  this, METHODID_GET_LOT)))
          .addMethod(
            getListLotsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.ListLotsRequest,
                tw.jipan.procurement.v1.ListLotsResponse>(
                  this, METHODID_LIST_LOTS)))
          .addMethod(
            getCreateListingMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.CreateListingRequest,
                tw.jipan.procurement.v1.CreateListingResponse>(
                  this, METHODID_CREATE_LISTING)))
          .addMethod(
            getGetListingMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.GetListingRequest,
                tw.jipan.procurement.v1.GetListingResponse>(
                  this, METHODID_GET_LISTING)))
          .addMethod(
            getUpdateListingMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.UpdateListingRequest,
                tw.jipan.procurement.v1.UpdateListingResponse>(
                  this, METHODID_UPDATE_LISTING)))
          .addMethod(
            getSearchListingsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.procurement.v1.SearchListingsRequest,
                tw.jipan.procurement.v1.SearchListingsResponse>(
                  this, METHODID_SEARCH_LISTINGS)))
          .build();
    }
  }

  /**
   * <pre>
   * The joint-supply-contract catalog: contract lots and the vendors' listings
   * under them. Lots are the platform operator's; a vendor organisation (the
   * token's `org`) manages its own listings; APPROVED and FLAGGED listings are
   * visible to every caller, the others only to their vendor and to reviewers.
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
     * Creates a contract lot.
     * </pre>
     */
    public void createLot(tw.jipan.procurement.v1.CreateLotRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.CreateLotResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateLotMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one lot.
     * </pre>
     */
    public void getLot(tw.jipan.procurement.v1.GetLotRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.GetLotResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetLotMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists lots, oldest first, optionally of one category.
     * </pre>
     */
    public void listLots(tw.jipan.procurement.v1.ListLotsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListLotsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListLotsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Creates a DRAFT listing for the caller's organisation.
     * </pre>
     */
    public void createListing(tw.jipan.procurement.v1.CreateListingRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.CreateListingResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateListingMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one listing the caller may see.
     * </pre>
     */
    public void getListing(tw.jipan.procurement.v1.GetListingRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.GetListingResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetListingMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` of the caller's own listing.
     * Any change returns the listing to DRAFT: it must pass review again.
     * </pre>
     */
    public void updateListing(tw.jipan.procurement.v1.UpdateListingRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.UpdateListingResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateListingMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Searches listings the caller may see: full text over product name,
     * version and description in Chinese and English (trigram similarity, so
     * Chinese needs no word segmentation), with filters; best matches first,
     * or newest first without a query.
     * </pre>
     */
    public void searchListings(tw.jipan.procurement.v1.SearchListingsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.SearchListingsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSearchListingsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * The joint-supply-contract catalog: contract lots and the vendors' listings
   * under them. Lots are the platform operator's; a vendor organisation (the
   * token's `org`) manages its own listings; APPROVED and FLAGGED listings are
   * visible to every caller, the others only to their vendor and to reviewers.
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
     * Creates a contract lot.
     * </pre>
     */
    public tw.jipan.procurement.v1.CreateLotResponse createLot(tw.jipan.procurement.v1.CreateLotRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateLotMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one lot.
     * </pre>
     */
    public tw.jipan.procurement.v1.GetLotResponse getLot(tw.jipan.procurement.v1.GetLotRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetLotMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists lots, oldest first, optionally of one category.
     * </pre>
     */
    public tw.jipan.procurement.v1.ListLotsResponse listLots(tw.jipan.procurement.v1.ListLotsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListLotsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates a DRAFT listing for the caller's organisation.
     * </pre>
     */
    public tw.jipan.procurement.v1.CreateListingResponse createListing(tw.jipan.procurement.v1.CreateListingRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateListingMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one listing the caller may see.
     * </pre>
     */
    public tw.jipan.procurement.v1.GetListingResponse getListing(tw.jipan.procurement.v1.GetListingRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetListingMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` of the caller's own listing.
     * Any change returns the listing to DRAFT: it must pass review again.
     * </pre>
     */
    public tw.jipan.procurement.v1.UpdateListingResponse updateListing(tw.jipan.procurement.v1.UpdateListingRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateListingMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Searches listings the caller may see: full text over product name,
     * version and description in Chinese and English (trigram similarity, so
     * Chinese needs no word segmentation), with filters; best matches first,
     * or newest first without a query.
     * </pre>
     */
    public tw.jipan.procurement.v1.SearchListingsResponse searchListings(tw.jipan.procurement.v1.SearchListingsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSearchListingsMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * The joint-supply-contract catalog: contract lots and the vendors' listings
   * under them. Lots are the platform operator's; a vendor organisation (the
   * token's `org`) manages its own listings; APPROVED and FLAGGED listings are
   * visible to every caller, the others only to their vendor and to reviewers.
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
     * Creates a contract lot.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.CreateLotResponse> createLot(
        tw.jipan.procurement.v1.CreateLotRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateLotMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one lot.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.GetLotResponse> getLot(
        tw.jipan.procurement.v1.GetLotRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetLotMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists lots, oldest first, optionally of one category.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.ListLotsResponse> listLots(
        tw.jipan.procurement.v1.ListLotsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListLotsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Creates a DRAFT listing for the caller's organisation.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.CreateListingResponse> createListing(
        tw.jipan.procurement.v1.CreateListingRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateListingMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one listing the caller may see.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.GetListingResponse> getListing(
        tw.jipan.procurement.v1.GetListingRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetListingMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Updates the fields named in `update_mask` of the caller's own listing.
     * Any change returns the listing to DRAFT: it must pass review again.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.UpdateListingResponse> updateListing(
        tw.jipan.procurement.v1.UpdateListingRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateListingMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Searches listings the caller may see: full text over product name,
     * version and description in Chinese and English (trigram similarity, so
     * Chinese needs no word segmentation), with filters; best matches first,
     * or newest first without a query.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.procurement.v1.SearchListingsResponse> searchListings(
        tw.jipan.procurement.v1.SearchListingsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSearchListingsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_LOT = 0;
  private static final int METHODID_GET_LOT = 1;
  private static final int METHODID_LIST_LOTS = 2;
  private static final int METHODID_CREATE_LISTING = 3;
  private static final int METHODID_GET_LISTING = 4;
  private static final int METHODID_UPDATE_LISTING = 5;
  private static final int METHODID_SEARCH_LISTINGS = 6;

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
        case METHODID_CREATE_LOT:
          serviceImpl.createLot((tw.jipan.procurement.v1.CreateLotRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.CreateLotResponse>) responseObserver);
          break;
        case METHODID_GET_LOT:
          serviceImpl.getLot((tw.jipan.procurement.v1.GetLotRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.GetLotResponse>) responseObserver);
          break;
        case METHODID_LIST_LOTS:
          serviceImpl.listLots((tw.jipan.procurement.v1.ListLotsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.ListLotsResponse>) responseObserver);
          break;
        case METHODID_CREATE_LISTING:
          serviceImpl.createListing((tw.jipan.procurement.v1.CreateListingRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.CreateListingResponse>) responseObserver);
          break;
        case METHODID_GET_LISTING:
          serviceImpl.getListing((tw.jipan.procurement.v1.GetListingRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.GetListingResponse>) responseObserver);
          break;
        case METHODID_UPDATE_LISTING:
          serviceImpl.updateListing((tw.jipan.procurement.v1.UpdateListingRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.UpdateListingResponse>) responseObserver);
          break;
        case METHODID_SEARCH_LISTINGS:
          serviceImpl.searchListings((tw.jipan.procurement.v1.SearchListingsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.procurement.v1.SearchListingsResponse>) responseObserver);
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
      return tw.jipan.procurement.v1.CatalogServiceProto.getDescriptor();
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
              .addMethod(getCreateLotMethod())
              .addMethod(getGetLotMethod())
              .addMethod(getListLotsMethod())
              .addMethod(getCreateListingMethod())
              .addMethod(getGetListingMethod())
              .addMethod(getUpdateListingMethod())
              .addMethod(getSearchListingsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
