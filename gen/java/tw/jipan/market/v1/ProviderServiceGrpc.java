package tw.jipan.market.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Service providers: vendors (identity organisations) that offer support,
 * integration, hosting and training for open-source projects, with
 * capabilities, regions, certifications, price ranges and response-time
 * commitments. Profiles and offers are public to authenticated callers; a
 * vendor changes only its own.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/market/v1/provider_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class ProviderServiceGrpc {

  private ProviderServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.market.v1.ProviderService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateProviderRequest,
      tw.jipan.market.v1.CreateProviderResponse> getCreateProviderMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateProvider",
      requestType = tw.jipan.market.v1.CreateProviderRequest.class,
      responseType = tw.jipan.market.v1.CreateProviderResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateProviderRequest,
      tw.jipan.market.v1.CreateProviderResponse> getCreateProviderMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateProviderRequest, tw.jipan.market.v1.CreateProviderResponse> getCreateProviderMethod;
    if ((getCreateProviderMethod = ProviderServiceGrpc.getCreateProviderMethod) == null) {
      synchronized (ProviderServiceGrpc.class) {
        if ((getCreateProviderMethod = ProviderServiceGrpc.getCreateProviderMethod) == null) {
          ProviderServiceGrpc.getCreateProviderMethod = getCreateProviderMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.CreateProviderRequest, tw.jipan.market.v1.CreateProviderResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateProvider"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateProviderRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateProviderResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProviderServiceMethodDescriptorSupplier("CreateProvider"))
              .build();
        }
      }
    }
    return getCreateProviderMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.GetProviderRequest,
      tw.jipan.market.v1.GetProviderResponse> getGetProviderMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetProvider",
      requestType = tw.jipan.market.v1.GetProviderRequest.class,
      responseType = tw.jipan.market.v1.GetProviderResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.GetProviderRequest,
      tw.jipan.market.v1.GetProviderResponse> getGetProviderMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.GetProviderRequest, tw.jipan.market.v1.GetProviderResponse> getGetProviderMethod;
    if ((getGetProviderMethod = ProviderServiceGrpc.getGetProviderMethod) == null) {
      synchronized (ProviderServiceGrpc.class) {
        if ((getGetProviderMethod = ProviderServiceGrpc.getGetProviderMethod) == null) {
          ProviderServiceGrpc.getGetProviderMethod = getGetProviderMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.GetProviderRequest, tw.jipan.market.v1.GetProviderResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetProvider"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetProviderRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetProviderResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProviderServiceMethodDescriptorSupplier("GetProvider"))
              .build();
        }
      }
    }
    return getGetProviderMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListProvidersRequest,
      tw.jipan.market.v1.ListProvidersResponse> getListProvidersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListProviders",
      requestType = tw.jipan.market.v1.ListProvidersRequest.class,
      responseType = tw.jipan.market.v1.ListProvidersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListProvidersRequest,
      tw.jipan.market.v1.ListProvidersResponse> getListProvidersMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListProvidersRequest, tw.jipan.market.v1.ListProvidersResponse> getListProvidersMethod;
    if ((getListProvidersMethod = ProviderServiceGrpc.getListProvidersMethod) == null) {
      synchronized (ProviderServiceGrpc.class) {
        if ((getListProvidersMethod = ProviderServiceGrpc.getListProvidersMethod) == null) {
          ProviderServiceGrpc.getListProvidersMethod = getListProvidersMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListProvidersRequest, tw.jipan.market.v1.ListProvidersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListProviders"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListProvidersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListProvidersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProviderServiceMethodDescriptorSupplier("ListProviders"))
              .build();
        }
      }
    }
    return getListProvidersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.UpdateProviderRequest,
      tw.jipan.market.v1.UpdateProviderResponse> getUpdateProviderMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateProvider",
      requestType = tw.jipan.market.v1.UpdateProviderRequest.class,
      responseType = tw.jipan.market.v1.UpdateProviderResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.UpdateProviderRequest,
      tw.jipan.market.v1.UpdateProviderResponse> getUpdateProviderMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.UpdateProviderRequest, tw.jipan.market.v1.UpdateProviderResponse> getUpdateProviderMethod;
    if ((getUpdateProviderMethod = ProviderServiceGrpc.getUpdateProviderMethod) == null) {
      synchronized (ProviderServiceGrpc.class) {
        if ((getUpdateProviderMethod = ProviderServiceGrpc.getUpdateProviderMethod) == null) {
          ProviderServiceGrpc.getUpdateProviderMethod = getUpdateProviderMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.UpdateProviderRequest, tw.jipan.market.v1.UpdateProviderResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateProvider"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.UpdateProviderRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.UpdateProviderResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProviderServiceMethodDescriptorSupplier("UpdateProvider"))
              .build();
        }
      }
    }
    return getUpdateProviderMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateOfferRequest,
      tw.jipan.market.v1.CreateOfferResponse> getCreateOfferMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateOffer",
      requestType = tw.jipan.market.v1.CreateOfferRequest.class,
      responseType = tw.jipan.market.v1.CreateOfferResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateOfferRequest,
      tw.jipan.market.v1.CreateOfferResponse> getCreateOfferMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateOfferRequest, tw.jipan.market.v1.CreateOfferResponse> getCreateOfferMethod;
    if ((getCreateOfferMethod = ProviderServiceGrpc.getCreateOfferMethod) == null) {
      synchronized (ProviderServiceGrpc.class) {
        if ((getCreateOfferMethod = ProviderServiceGrpc.getCreateOfferMethod) == null) {
          ProviderServiceGrpc.getCreateOfferMethod = getCreateOfferMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.CreateOfferRequest, tw.jipan.market.v1.CreateOfferResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateOffer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateOfferRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateOfferResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProviderServiceMethodDescriptorSupplier("CreateOffer"))
              .build();
        }
      }
    }
    return getCreateOfferMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.GetOfferRequest,
      tw.jipan.market.v1.GetOfferResponse> getGetOfferMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetOffer",
      requestType = tw.jipan.market.v1.GetOfferRequest.class,
      responseType = tw.jipan.market.v1.GetOfferResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.GetOfferRequest,
      tw.jipan.market.v1.GetOfferResponse> getGetOfferMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.GetOfferRequest, tw.jipan.market.v1.GetOfferResponse> getGetOfferMethod;
    if ((getGetOfferMethod = ProviderServiceGrpc.getGetOfferMethod) == null) {
      synchronized (ProviderServiceGrpc.class) {
        if ((getGetOfferMethod = ProviderServiceGrpc.getGetOfferMethod) == null) {
          ProviderServiceGrpc.getGetOfferMethod = getGetOfferMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.GetOfferRequest, tw.jipan.market.v1.GetOfferResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetOffer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetOfferRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetOfferResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProviderServiceMethodDescriptorSupplier("GetOffer"))
              .build();
        }
      }
    }
    return getGetOfferMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListOffersRequest,
      tw.jipan.market.v1.ListOffersResponse> getListOffersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListOffers",
      requestType = tw.jipan.market.v1.ListOffersRequest.class,
      responseType = tw.jipan.market.v1.ListOffersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListOffersRequest,
      tw.jipan.market.v1.ListOffersResponse> getListOffersMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListOffersRequest, tw.jipan.market.v1.ListOffersResponse> getListOffersMethod;
    if ((getListOffersMethod = ProviderServiceGrpc.getListOffersMethod) == null) {
      synchronized (ProviderServiceGrpc.class) {
        if ((getListOffersMethod = ProviderServiceGrpc.getListOffersMethod) == null) {
          ProviderServiceGrpc.getListOffersMethod = getListOffersMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListOffersRequest, tw.jipan.market.v1.ListOffersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListOffers"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListOffersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListOffersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProviderServiceMethodDescriptorSupplier("ListOffers"))
              .build();
        }
      }
    }
    return getListOffersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.DeleteOfferRequest,
      tw.jipan.market.v1.DeleteOfferResponse> getDeleteOfferMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteOffer",
      requestType = tw.jipan.market.v1.DeleteOfferRequest.class,
      responseType = tw.jipan.market.v1.DeleteOfferResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.DeleteOfferRequest,
      tw.jipan.market.v1.DeleteOfferResponse> getDeleteOfferMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.DeleteOfferRequest, tw.jipan.market.v1.DeleteOfferResponse> getDeleteOfferMethod;
    if ((getDeleteOfferMethod = ProviderServiceGrpc.getDeleteOfferMethod) == null) {
      synchronized (ProviderServiceGrpc.class) {
        if ((getDeleteOfferMethod = ProviderServiceGrpc.getDeleteOfferMethod) == null) {
          ProviderServiceGrpc.getDeleteOfferMethod = getDeleteOfferMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.DeleteOfferRequest, tw.jipan.market.v1.DeleteOfferResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteOffer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.DeleteOfferRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.DeleteOfferResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProviderServiceMethodDescriptorSupplier("DeleteOffer"))
              .build();
        }
      }
    }
    return getDeleteOfferMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static ProviderServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ProviderServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ProviderServiceStub>() {
        @java.lang.Override
        public ProviderServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ProviderServiceStub(channel, callOptions);
        }
      };
    return ProviderServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static ProviderServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ProviderServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ProviderServiceBlockingStub>() {
        @java.lang.Override
        public ProviderServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ProviderServiceBlockingStub(channel, callOptions);
        }
      };
    return ProviderServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static ProviderServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ProviderServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ProviderServiceFutureStub>() {
        @java.lang.Override
        public ProviderServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ProviderServiceFutureStub(channel, callOptions);
        }
      };
    return ProviderServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Service providers: vendors (identity organisations) that offer support,
   * integration, hosting and training for open-source projects, with
   * capabilities, regions, certifications, price ranges and response-time
   * commitments. Profiles and offers are public to authenticated callers; a
   * vendor changes only its own.
   * </pre>
   */
  public static abstract class ProviderServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Creates the caller's organisation's provider profile
     * ("providers/{organization}").
     * </pre>
     */
    public void createProvider(tw.jipan.market.v1.CreateProviderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateProviderResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateProviderMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns a provider with its verified rating summary.
     * </pre>
     */
    public void getProvider(tw.jipan.market.v1.GetProviderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetProviderResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetProviderMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists providers by name.
     * </pre>
     */
    public void listProviders(tw.jipan.market.v1.ListProvidersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListProvidersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListProvidersMethod(), responseObserver);
    }

    /**
     * <pre>
     * Changes the caller's own provider profile.
     * </pre>
     */
    public void updateProvider(tw.jipan.market.v1.UpdateProviderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.UpdateProviderResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateProviderMethod(), responseObserver);
    }

    /**
     * <pre>
     * Adds an offer to the caller's provider profile.
     * </pre>
     */
    public void createOffer(tw.jipan.market.v1.CreateOfferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateOfferResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateOfferMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one offer.
     * </pre>
     */
    public void getOffer(tw.jipan.market.v1.GetOfferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetOfferResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetOfferMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists offers of a provider ("providers/{organization}") or, with parent
     * "providers/-" and `project` set, every provider's offers for a project.
     * </pre>
     */
    public void listOffers(tw.jipan.market.v1.ListOffersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListOffersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListOffersMethod(), responseObserver);
    }

    /**
     * <pre>
     * Withdraws one of the caller's offers.
     * </pre>
     */
    public void deleteOffer(tw.jipan.market.v1.DeleteOfferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.DeleteOfferResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteOfferMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateProviderMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.CreateProviderRequest,
                tw.jipan.market.v1.CreateProviderResponse>(
                  this, METHODID_CREATE_PROVIDER)))
          .addMethod(
            getGetProviderMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.GetProviderRequest,
                tw.jipan.market.v1.GetProviderResponse>(
                  this, METHODID_GET_PROVIDER)))
          .addMethod(
            getListProvidersMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListProvidersRequest,
                tw.jipan.market.v1.ListProvidersResponse>(
                  this, METHODID_LIST_PROVIDERS)))
          .addMethod(
            getUpdateProviderMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.UpdateProviderRequest,
                tw.jipan.market.v1.UpdateProviderResponse>(
                  this, METHODID_UPDATE_PROVIDER)))
          .addMethod(
            getCreateOfferMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.CreateOfferRequest,
                tw.jipan.market.v1.CreateOfferResponse>(
                  this, METHODID_CREATE_OFFER)))
          .addMethod(
            getGetOfferMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.GetOfferRequest,
                tw.jipan.market.v1.GetOfferResponse>(
                  this, METHODID_GET_OFFER)))
          .addMethod(
            getListOffersMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListOffersRequest,
                tw.jipan.market.v1.ListOffersResponse>(
                  this, METHODID_LIST_OFFERS)))
          .addMethod(
            getDeleteOfferMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.DeleteOfferRequest,
                tw.jipan.market.v1.DeleteOfferResponse>(
                  this, METHODID_DELETE_OFFER)))
          .build();
    }
  }

  /**
   * <pre>
   * Service providers: vendors (identity organisations) that offer support,
   * integration, hosting and training for open-source projects, with
   * capabilities, regions, certifications, price ranges and response-time
   * commitments. Profiles and offers are public to authenticated callers; a
   * vendor changes only its own.
   * </pre>
   */
  public static final class ProviderServiceStub extends io.grpc.stub.AbstractAsyncStub<ProviderServiceStub> {
    private ProviderServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ProviderServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ProviderServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates the caller's organisation's provider profile
     * ("providers/{organization}").
     * </pre>
     */
    public void createProvider(tw.jipan.market.v1.CreateProviderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateProviderResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateProviderMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns a provider with its verified rating summary.
     * </pre>
     */
    public void getProvider(tw.jipan.market.v1.GetProviderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetProviderResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetProviderMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists providers by name.
     * </pre>
     */
    public void listProviders(tw.jipan.market.v1.ListProvidersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListProvidersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListProvidersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Changes the caller's own provider profile.
     * </pre>
     */
    public void updateProvider(tw.jipan.market.v1.UpdateProviderRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.UpdateProviderResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateProviderMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Adds an offer to the caller's provider profile.
     * </pre>
     */
    public void createOffer(tw.jipan.market.v1.CreateOfferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateOfferResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateOfferMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one offer.
     * </pre>
     */
    public void getOffer(tw.jipan.market.v1.GetOfferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetOfferResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetOfferMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists offers of a provider ("providers/{organization}") or, with parent
     * "providers/-" and `project` set, every provider's offers for a project.
     * </pre>
     */
    public void listOffers(tw.jipan.market.v1.ListOffersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListOffersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListOffersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Withdraws one of the caller's offers.
     * </pre>
     */
    public void deleteOffer(tw.jipan.market.v1.DeleteOfferRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.DeleteOfferResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteOfferMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Service providers: vendors (identity organisations) that offer support,
   * integration, hosting and training for open-source projects, with
   * capabilities, regions, certifications, price ranges and response-time
   * commitments. Profiles and offers are public to authenticated callers; a
   * vendor changes only its own.
   * </pre>
   */
  public static final class ProviderServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<ProviderServiceBlockingStub> {
    private ProviderServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ProviderServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ProviderServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates the caller's organisation's provider profile
     * ("providers/{organization}").
     * </pre>
     */
    public tw.jipan.market.v1.CreateProviderResponse createProvider(tw.jipan.market.v1.CreateProviderRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateProviderMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns a provider with its verified rating summary.
     * </pre>
     */
    public tw.jipan.market.v1.GetProviderResponse getProvider(tw.jipan.market.v1.GetProviderRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetProviderMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists providers by name.
     * </pre>
     */
    public tw.jipan.market.v1.ListProvidersResponse listProviders(tw.jipan.market.v1.ListProvidersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListProvidersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes the caller's own provider profile.
     * </pre>
     */
    public tw.jipan.market.v1.UpdateProviderResponse updateProvider(tw.jipan.market.v1.UpdateProviderRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateProviderMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds an offer to the caller's provider profile.
     * </pre>
     */
    public tw.jipan.market.v1.CreateOfferResponse createOffer(tw.jipan.market.v1.CreateOfferRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateOfferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one offer.
     * </pre>
     */
    public tw.jipan.market.v1.GetOfferResponse getOffer(tw.jipan.market.v1.GetOfferRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetOfferMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists offers of a provider ("providers/{organization}") or, with parent
     * "providers/-" and `project` set, every provider's offers for a project.
     * </pre>
     */
    public tw.jipan.market.v1.ListOffersResponse listOffers(tw.jipan.market.v1.ListOffersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListOffersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Withdraws one of the caller's offers.
     * </pre>
     */
    public tw.jipan.market.v1.DeleteOfferResponse deleteOffer(tw.jipan.market.v1.DeleteOfferRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteOfferMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Service providers: vendors (identity organisations) that offer support,
   * integration, hosting and training for open-source projects, with
   * capabilities, regions, certifications, price ranges and response-time
   * commitments. Profiles and offers are public to authenticated callers; a
   * vendor changes only its own.
   * </pre>
   */
  public static final class ProviderServiceFutureStub extends io.grpc.stub.AbstractFutureStub<ProviderServiceFutureStub> {
    private ProviderServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ProviderServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ProviderServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates the caller's organisation's provider profile
     * ("providers/{organization}").
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.CreateProviderResponse> createProvider(
        tw.jipan.market.v1.CreateProviderRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateProviderMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns a provider with its verified rating summary.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.GetProviderResponse> getProvider(
        tw.jipan.market.v1.GetProviderRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetProviderMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists providers by name.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListProvidersResponse> listProviders(
        tw.jipan.market.v1.ListProvidersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListProvidersMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Changes the caller's own provider profile.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.UpdateProviderResponse> updateProvider(
        tw.jipan.market.v1.UpdateProviderRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateProviderMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Adds an offer to the caller's provider profile.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.CreateOfferResponse> createOffer(
        tw.jipan.market.v1.CreateOfferRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateOfferMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one offer.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.GetOfferResponse> getOffer(
        tw.jipan.market.v1.GetOfferRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetOfferMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists offers of a provider ("providers/{organization}") or, with parent
     * "providers/-" and `project` set, every provider's offers for a project.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListOffersResponse> listOffers(
        tw.jipan.market.v1.ListOffersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListOffersMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Withdraws one of the caller's offers.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.DeleteOfferResponse> deleteOffer(
        tw.jipan.market.v1.DeleteOfferRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteOfferMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_PROVIDER = 0;
  private static final int METHODID_GET_PROVIDER = 1;
  private static final int METHODID_LIST_PROVIDERS = 2;
  private static final int METHODID_UPDATE_PROVIDER = 3;
  private static final int METHODID_CREATE_OFFER = 4;
  private static final int METHODID_GET_OFFER = 5;
  private static final int METHODID_LIST_OFFERS = 6;
  private static final int METHODID_DELETE_OFFER = 7;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final ProviderServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(ProviderServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_PROVIDER:
          serviceImpl.createProvider((tw.jipan.market.v1.CreateProviderRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateProviderResponse>) responseObserver);
          break;
        case METHODID_GET_PROVIDER:
          serviceImpl.getProvider((tw.jipan.market.v1.GetProviderRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetProviderResponse>) responseObserver);
          break;
        case METHODID_LIST_PROVIDERS:
          serviceImpl.listProviders((tw.jipan.market.v1.ListProvidersRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListProvidersResponse>) responseObserver);
          break;
        case METHODID_UPDATE_PROVIDER:
          serviceImpl.updateProvider((tw.jipan.market.v1.UpdateProviderRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.UpdateProviderResponse>) responseObserver);
          break;
        case METHODID_CREATE_OFFER:
          serviceImpl.createOffer((tw.jipan.market.v1.CreateOfferRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateOfferResponse>) responseObserver);
          break;
        case METHODID_GET_OFFER:
          serviceImpl.getOffer((tw.jipan.market.v1.GetOfferRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetOfferResponse>) responseObserver);
          break;
        case METHODID_LIST_OFFERS:
          serviceImpl.listOffers((tw.jipan.market.v1.ListOffersRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListOffersResponse>) responseObserver);
          break;
        case METHODID_DELETE_OFFER:
          serviceImpl.deleteOffer((tw.jipan.market.v1.DeleteOfferRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.DeleteOfferResponse>) responseObserver);
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

  private static abstract class ProviderServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    ProviderServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.market.v1.ProviderServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("ProviderService");
    }
  }

  private static final class ProviderServiceFileDescriptorSupplier
      extends ProviderServiceBaseDescriptorSupplier {
    ProviderServiceFileDescriptorSupplier() {}
  }

  private static final class ProviderServiceMethodDescriptorSupplier
      extends ProviderServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    ProviderServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (ProviderServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new ProviderServiceFileDescriptorSupplier())
              .addMethod(getCreateProviderMethod())
              .addMethod(getGetProviderMethod())
              .addMethod(getListProvidersMethod())
              .addMethod(getUpdateProviderMethod())
              .addMethod(getCreateOfferMethod())
              .addMethod(getGetOfferMethod())
              .addMethod(getListOffersMethod())
              .addMethod(getDeleteOfferMethod())
              .build();
        }
      }
    }
    return result;
  }
}
