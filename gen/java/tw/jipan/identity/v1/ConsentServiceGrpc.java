package tw.jipan.identity.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Consents: a person grants an app scoped, categorised, expiring access to
 * their data, lists and revokes those grants; an app lists the grants made
 * to it. Tokens under a consent come from TokenService.IssueConsentToken.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/identity/v1/consent_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class ConsentServiceGrpc {

  private ConsentServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.identity.v1.ConsentService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.CreateConsentRequest,
      tw.jipan.identity.v1.CreateConsentResponse> getCreateConsentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateConsent",
      requestType = tw.jipan.identity.v1.CreateConsentRequest.class,
      responseType = tw.jipan.identity.v1.CreateConsentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.CreateConsentRequest,
      tw.jipan.identity.v1.CreateConsentResponse> getCreateConsentMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.CreateConsentRequest, tw.jipan.identity.v1.CreateConsentResponse> getCreateConsentMethod;
    if ((getCreateConsentMethod = ConsentServiceGrpc.getCreateConsentMethod) == null) {
      synchronized (ConsentServiceGrpc.class) {
        if ((getCreateConsentMethod = ConsentServiceGrpc.getCreateConsentMethod) == null) {
          ConsentServiceGrpc.getCreateConsentMethod = getCreateConsentMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.CreateConsentRequest, tw.jipan.identity.v1.CreateConsentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateConsent"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.CreateConsentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.CreateConsentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ConsentServiceMethodDescriptorSupplier("CreateConsent"))
              .build();
        }
      }
    }
    return getCreateConsentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListConsentsRequest,
      tw.jipan.identity.v1.ListConsentsResponse> getListConsentsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListConsents",
      requestType = tw.jipan.identity.v1.ListConsentsRequest.class,
      responseType = tw.jipan.identity.v1.ListConsentsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListConsentsRequest,
      tw.jipan.identity.v1.ListConsentsResponse> getListConsentsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListConsentsRequest, tw.jipan.identity.v1.ListConsentsResponse> getListConsentsMethod;
    if ((getListConsentsMethod = ConsentServiceGrpc.getListConsentsMethod) == null) {
      synchronized (ConsentServiceGrpc.class) {
        if ((getListConsentsMethod = ConsentServiceGrpc.getListConsentsMethod) == null) {
          ConsentServiceGrpc.getListConsentsMethod = getListConsentsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.ListConsentsRequest, tw.jipan.identity.v1.ListConsentsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListConsents"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.ListConsentsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.ListConsentsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ConsentServiceMethodDescriptorSupplier("ListConsents"))
              .build();
        }
      }
    }
    return getListConsentsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.RevokeConsentRequest,
      tw.jipan.identity.v1.RevokeConsentResponse> getRevokeConsentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RevokeConsent",
      requestType = tw.jipan.identity.v1.RevokeConsentRequest.class,
      responseType = tw.jipan.identity.v1.RevokeConsentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.RevokeConsentRequest,
      tw.jipan.identity.v1.RevokeConsentResponse> getRevokeConsentMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.RevokeConsentRequest, tw.jipan.identity.v1.RevokeConsentResponse> getRevokeConsentMethod;
    if ((getRevokeConsentMethod = ConsentServiceGrpc.getRevokeConsentMethod) == null) {
      synchronized (ConsentServiceGrpc.class) {
        if ((getRevokeConsentMethod = ConsentServiceGrpc.getRevokeConsentMethod) == null) {
          ConsentServiceGrpc.getRevokeConsentMethod = getRevokeConsentMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.RevokeConsentRequest, tw.jipan.identity.v1.RevokeConsentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RevokeConsent"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.RevokeConsentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.RevokeConsentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ConsentServiceMethodDescriptorSupplier("RevokeConsent"))
              .build();
        }
      }
    }
    return getRevokeConsentMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static ConsentServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ConsentServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ConsentServiceStub>() {
        @java.lang.Override
        public ConsentServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ConsentServiceStub(channel, callOptions);
        }
      };
    return ConsentServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static ConsentServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ConsentServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ConsentServiceBlockingStub>() {
        @java.lang.Override
        public ConsentServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ConsentServiceBlockingStub(channel, callOptions);
        }
      };
    return ConsentServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static ConsentServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ConsentServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ConsentServiceFutureStub>() {
        @java.lang.Override
        public ConsentServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ConsentServiceFutureStub(channel, callOptions);
        }
      };
    return ConsentServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Consents: a person grants an app scoped, categorised, expiring access to
   * their data, lists and revokes those grants; an app lists the grants made
   * to it. Tokens under a consent come from TokenService.IssueConsentToken.
   * </pre>
   */
  public static abstract class ConsentServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Grants a consent (the caller is the person granting).
     * </pre>
     */
    public void createConsent(tw.jipan.identity.v1.CreateConsentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.CreateConsentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateConsentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists consents as the person ("people/{person}") or as the app
     * ("services/{service}"), newest first.
     * </pre>
     */
    public void listConsents(tw.jipan.identity.v1.ListConsentsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListConsentsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListConsentsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Revokes a consent (the person who granted it). Idempotent. No token is
     * issued under it any more, and the tokens already issued are refused on
     * every server with CONSENT_REVOKED within JIPAN_REVOCATION_REFRESH_S plus
     * one TokenService.ListRevocations call (see TokenService).
     * </pre>
     */
    public void revokeConsent(tw.jipan.identity.v1.RevokeConsentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.RevokeConsentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRevokeConsentMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateConsentMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.CreateConsentRequest,
                tw.jipan.identity.v1.CreateConsentResponse>(
                  this, METHODID_CREATE_CONSENT)))
          .addMethod(
            getListConsentsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.ListConsentsRequest,
                tw.jipan.identity.v1.ListConsentsResponse>(
                  this, METHODID_LIST_CONSENTS)))
          .addMethod(
            getRevokeConsentMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.RevokeConsentRequest,
                tw.jipan.identity.v1.RevokeConsentResponse>(
                  this, METHODID_REVOKE_CONSENT)))
          .build();
    }
  }

  /**
   * <pre>
   * Consents: a person grants an app scoped, categorised, expiring access to
   * their data, lists and revokes those grants; an app lists the grants made
   * to it. Tokens under a consent come from TokenService.IssueConsentToken.
   * </pre>
   */
  public static final class ConsentServiceStub extends io.grpc.stub.AbstractAsyncStub<ConsentServiceStub> {
    private ConsentServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ConsentServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ConsentServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Grants a consent (the caller is the person granting).
     * </pre>
     */
    public void createConsent(tw.jipan.identity.v1.CreateConsentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.CreateConsentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateConsentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists consents as the person ("people/{person}") or as the app
     * ("services/{service}"), newest first.
     * </pre>
     */
    public void listConsents(tw.jipan.identity.v1.ListConsentsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListConsentsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListConsentsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Revokes a consent (the person who granted it). Idempotent. No token is
     * issued under it any more, and the tokens already issued are refused on
     * every server with CONSENT_REVOKED within JIPAN_REVOCATION_REFRESH_S plus
     * one TokenService.ListRevocations call (see TokenService).
     * </pre>
     */
    public void revokeConsent(tw.jipan.identity.v1.RevokeConsentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.RevokeConsentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRevokeConsentMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Consents: a person grants an app scoped, categorised, expiring access to
   * their data, lists and revokes those grants; an app lists the grants made
   * to it. Tokens under a consent come from TokenService.IssueConsentToken.
   * </pre>
   */
  public static final class ConsentServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<ConsentServiceBlockingStub> {
    private ConsentServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ConsentServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ConsentServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Grants a consent (the caller is the person granting).
     * </pre>
     */
    public tw.jipan.identity.v1.CreateConsentResponse createConsent(tw.jipan.identity.v1.CreateConsentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateConsentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists consents as the person ("people/{person}") or as the app
     * ("services/{service}"), newest first.
     * </pre>
     */
    public tw.jipan.identity.v1.ListConsentsResponse listConsents(tw.jipan.identity.v1.ListConsentsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListConsentsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Revokes a consent (the person who granted it). Idempotent. No token is
     * issued under it any more, and the tokens already issued are refused on
     * every server with CONSENT_REVOKED within JIPAN_REVOCATION_REFRESH_S plus
     * one TokenService.ListRevocations call (see TokenService).
     * </pre>
     */
    public tw.jipan.identity.v1.RevokeConsentResponse revokeConsent(tw.jipan.identity.v1.RevokeConsentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRevokeConsentMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Consents: a person grants an app scoped, categorised, expiring access to
   * their data, lists and revokes those grants; an app lists the grants made
   * to it. Tokens under a consent come from TokenService.IssueConsentToken.
   * </pre>
   */
  public static final class ConsentServiceFutureStub extends io.grpc.stub.AbstractFutureStub<ConsentServiceFutureStub> {
    private ConsentServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ConsentServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ConsentServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Grants a consent (the caller is the person granting).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.CreateConsentResponse> createConsent(
        tw.jipan.identity.v1.CreateConsentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateConsentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists consents as the person ("people/{person}") or as the app
     * ("services/{service}"), newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.ListConsentsResponse> listConsents(
        tw.jipan.identity.v1.ListConsentsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListConsentsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Revokes a consent (the person who granted it). Idempotent. No token is
     * issued under it any more, and the tokens already issued are refused on
     * every server with CONSENT_REVOKED within JIPAN_REVOCATION_REFRESH_S plus
     * one TokenService.ListRevocations call (see TokenService).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.RevokeConsentResponse> revokeConsent(
        tw.jipan.identity.v1.RevokeConsentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRevokeConsentMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_CONSENT = 0;
  private static final int METHODID_LIST_CONSENTS = 1;
  private static final int METHODID_REVOKE_CONSENT = 2;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final ConsentServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(ConsentServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_CONSENT:
          serviceImpl.createConsent((tw.jipan.identity.v1.CreateConsentRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.CreateConsentResponse>) responseObserver);
          break;
        case METHODID_LIST_CONSENTS:
          serviceImpl.listConsents((tw.jipan.identity.v1.ListConsentsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListConsentsResponse>) responseObserver);
          break;
        case METHODID_REVOKE_CONSENT:
          serviceImpl.revokeConsent((tw.jipan.identity.v1.RevokeConsentRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.RevokeConsentResponse>) responseObserver);
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

  private static abstract class ConsentServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    ConsentServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.identity.v1.ConsentServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("ConsentService");
    }
  }

  private static final class ConsentServiceFileDescriptorSupplier
      extends ConsentServiceBaseDescriptorSupplier {
    ConsentServiceFileDescriptorSupplier() {}
  }

  private static final class ConsentServiceMethodDescriptorSupplier
      extends ConsentServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    ConsentServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (ConsentServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new ConsentServiceFileDescriptorSupplier())
              .addMethod(getCreateConsentMethod())
              .addMethod(getListConsentsMethod())
              .addMethod(getRevokeConsentMethod())
              .build();
        }
      }
    }
    return result;
  }
}
