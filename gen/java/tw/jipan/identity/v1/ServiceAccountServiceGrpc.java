package tw.jipan.identity.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Service accounts of organisations and their public keys. Every method needs
 * a person's token and the "admin" role in the owning organisation (checked
 * against stored memberships). Tokens for a service account are issued by
 * TokenService.IssueServiceAccountToken.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/identity/v1/service_account_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class ServiceAccountServiceGrpc {

  private ServiceAccountServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.identity.v1.ServiceAccountService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.CreateServiceAccountRequest,
      tw.jipan.identity.v1.CreateServiceAccountResponse> getCreateServiceAccountMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateServiceAccount",
      requestType = tw.jipan.identity.v1.CreateServiceAccountRequest.class,
      responseType = tw.jipan.identity.v1.CreateServiceAccountResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.CreateServiceAccountRequest,
      tw.jipan.identity.v1.CreateServiceAccountResponse> getCreateServiceAccountMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.CreateServiceAccountRequest, tw.jipan.identity.v1.CreateServiceAccountResponse> getCreateServiceAccountMethod;
    if ((getCreateServiceAccountMethod = ServiceAccountServiceGrpc.getCreateServiceAccountMethod) == null) {
      synchronized (ServiceAccountServiceGrpc.class) {
        if ((getCreateServiceAccountMethod = ServiceAccountServiceGrpc.getCreateServiceAccountMethod) == null) {
          ServiceAccountServiceGrpc.getCreateServiceAccountMethod = getCreateServiceAccountMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.CreateServiceAccountRequest, tw.jipan.identity.v1.CreateServiceAccountResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateServiceAccount"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.CreateServiceAccountRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.CreateServiceAccountResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ServiceAccountServiceMethodDescriptorSupplier("CreateServiceAccount"))
              .build();
        }
      }
    }
    return getCreateServiceAccountMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListServiceAccountsRequest,
      tw.jipan.identity.v1.ListServiceAccountsResponse> getListServiceAccountsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListServiceAccounts",
      requestType = tw.jipan.identity.v1.ListServiceAccountsRequest.class,
      responseType = tw.jipan.identity.v1.ListServiceAccountsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListServiceAccountsRequest,
      tw.jipan.identity.v1.ListServiceAccountsResponse> getListServiceAccountsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListServiceAccountsRequest, tw.jipan.identity.v1.ListServiceAccountsResponse> getListServiceAccountsMethod;
    if ((getListServiceAccountsMethod = ServiceAccountServiceGrpc.getListServiceAccountsMethod) == null) {
      synchronized (ServiceAccountServiceGrpc.class) {
        if ((getListServiceAccountsMethod = ServiceAccountServiceGrpc.getListServiceAccountsMethod) == null) {
          ServiceAccountServiceGrpc.getListServiceAccountsMethod = getListServiceAccountsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.ListServiceAccountsRequest, tw.jipan.identity.v1.ListServiceAccountsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListServiceAccounts"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.ListServiceAccountsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.ListServiceAccountsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ServiceAccountServiceMethodDescriptorSupplier("ListServiceAccounts"))
              .build();
        }
      }
    }
    return getListServiceAccountsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.DeleteServiceAccountRequest,
      tw.jipan.identity.v1.DeleteServiceAccountResponse> getDeleteServiceAccountMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteServiceAccount",
      requestType = tw.jipan.identity.v1.DeleteServiceAccountRequest.class,
      responseType = tw.jipan.identity.v1.DeleteServiceAccountResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.DeleteServiceAccountRequest,
      tw.jipan.identity.v1.DeleteServiceAccountResponse> getDeleteServiceAccountMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.DeleteServiceAccountRequest, tw.jipan.identity.v1.DeleteServiceAccountResponse> getDeleteServiceAccountMethod;
    if ((getDeleteServiceAccountMethod = ServiceAccountServiceGrpc.getDeleteServiceAccountMethod) == null) {
      synchronized (ServiceAccountServiceGrpc.class) {
        if ((getDeleteServiceAccountMethod = ServiceAccountServiceGrpc.getDeleteServiceAccountMethod) == null) {
          ServiceAccountServiceGrpc.getDeleteServiceAccountMethod = getDeleteServiceAccountMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.DeleteServiceAccountRequest, tw.jipan.identity.v1.DeleteServiceAccountResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteServiceAccount"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.DeleteServiceAccountRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.DeleteServiceAccountResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ServiceAccountServiceMethodDescriptorSupplier("DeleteServiceAccount"))
              .build();
        }
      }
    }
    return getDeleteServiceAccountMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.CreateServiceAccountKeyRequest,
      tw.jipan.identity.v1.CreateServiceAccountKeyResponse> getCreateServiceAccountKeyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateServiceAccountKey",
      requestType = tw.jipan.identity.v1.CreateServiceAccountKeyRequest.class,
      responseType = tw.jipan.identity.v1.CreateServiceAccountKeyResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.CreateServiceAccountKeyRequest,
      tw.jipan.identity.v1.CreateServiceAccountKeyResponse> getCreateServiceAccountKeyMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.CreateServiceAccountKeyRequest, tw.jipan.identity.v1.CreateServiceAccountKeyResponse> getCreateServiceAccountKeyMethod;
    if ((getCreateServiceAccountKeyMethod = ServiceAccountServiceGrpc.getCreateServiceAccountKeyMethod) == null) {
      synchronized (ServiceAccountServiceGrpc.class) {
        if ((getCreateServiceAccountKeyMethod = ServiceAccountServiceGrpc.getCreateServiceAccountKeyMethod) == null) {
          ServiceAccountServiceGrpc.getCreateServiceAccountKeyMethod = getCreateServiceAccountKeyMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.CreateServiceAccountKeyRequest, tw.jipan.identity.v1.CreateServiceAccountKeyResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateServiceAccountKey"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.CreateServiceAccountKeyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.CreateServiceAccountKeyResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ServiceAccountServiceMethodDescriptorSupplier("CreateServiceAccountKey"))
              .build();
        }
      }
    }
    return getCreateServiceAccountKeyMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.DeleteServiceAccountKeyRequest,
      tw.jipan.identity.v1.DeleteServiceAccountKeyResponse> getDeleteServiceAccountKeyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteServiceAccountKey",
      requestType = tw.jipan.identity.v1.DeleteServiceAccountKeyRequest.class,
      responseType = tw.jipan.identity.v1.DeleteServiceAccountKeyResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.DeleteServiceAccountKeyRequest,
      tw.jipan.identity.v1.DeleteServiceAccountKeyResponse> getDeleteServiceAccountKeyMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.DeleteServiceAccountKeyRequest, tw.jipan.identity.v1.DeleteServiceAccountKeyResponse> getDeleteServiceAccountKeyMethod;
    if ((getDeleteServiceAccountKeyMethod = ServiceAccountServiceGrpc.getDeleteServiceAccountKeyMethod) == null) {
      synchronized (ServiceAccountServiceGrpc.class) {
        if ((getDeleteServiceAccountKeyMethod = ServiceAccountServiceGrpc.getDeleteServiceAccountKeyMethod) == null) {
          ServiceAccountServiceGrpc.getDeleteServiceAccountKeyMethod = getDeleteServiceAccountKeyMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.DeleteServiceAccountKeyRequest, tw.jipan.identity.v1.DeleteServiceAccountKeyResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteServiceAccountKey"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.DeleteServiceAccountKeyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.DeleteServiceAccountKeyResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ServiceAccountServiceMethodDescriptorSupplier("DeleteServiceAccountKey"))
              .build();
        }
      }
    }
    return getDeleteServiceAccountKeyMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static ServiceAccountServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ServiceAccountServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ServiceAccountServiceStub>() {
        @java.lang.Override
        public ServiceAccountServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ServiceAccountServiceStub(channel, callOptions);
        }
      };
    return ServiceAccountServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static ServiceAccountServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ServiceAccountServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ServiceAccountServiceBlockingStub>() {
        @java.lang.Override
        public ServiceAccountServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ServiceAccountServiceBlockingStub(channel, callOptions);
        }
      };
    return ServiceAccountServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static ServiceAccountServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ServiceAccountServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ServiceAccountServiceFutureStub>() {
        @java.lang.Override
        public ServiceAccountServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ServiceAccountServiceFutureStub(channel, callOptions);
        }
      };
    return ServiceAccountServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Service accounts of organisations and their public keys. Every method needs
   * a person's token and the "admin" role in the owning organisation (checked
   * against stored memberships). Tokens for a service account are issued by
   * TokenService.IssueServiceAccountToken.
   * </pre>
   */
  public static abstract class ServiceAccountServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Creates a service account in an organisation.
     * </pre>
     */
    public void createServiceAccount(tw.jipan.identity.v1.CreateServiceAccountRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.CreateServiceAccountResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateServiceAccountMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists an organisation's service accounts, by name.
     * </pre>
     */
    public void listServiceAccounts(tw.jipan.identity.v1.ListServiceAccountsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListServiceAccountsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListServiceAccountsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a service account and its keys; its assertions stop working.
     * </pre>
     */
    public void deleteServiceAccount(tw.jipan.identity.v1.DeleteServiceAccountRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.DeleteServiceAccountResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteServiceAccountMethod(), responseObserver);
    }

    /**
     * <pre>
     * Registers a public key for a service account.
     * </pre>
     */
    public void createServiceAccountKey(tw.jipan.identity.v1.CreateServiceAccountKeyRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.CreateServiceAccountKeyResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateServiceAccountKeyMethod(), responseObserver);
    }

    /**
     * <pre>
     * Removes a public key; assertions signed with it stop working.
     * </pre>
     */
    public void deleteServiceAccountKey(tw.jipan.identity.v1.DeleteServiceAccountKeyRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.DeleteServiceAccountKeyResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteServiceAccountKeyMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateServiceAccountMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.CreateServiceAccountRequest,
                tw.jipan.identity.v1.CreateServiceAccountResponse>(
                  this, METHODID_CREATE_SERVICE_ACCOUNT)))
          .addMethod(
            getListServiceAccountsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.ListServiceAccountsRequest,
                tw.jipan.identity.v1.ListServiceAccountsResponse>(
                  this, METHODID_LIST_SERVICE_ACCOUNTS)))
          .addMethod(
            getDeleteServiceAccountMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.DeleteServiceAccountRequest,
                tw.jipan.identity.v1.DeleteServiceAccountResponse>(
                  this, METHODID_DELETE_SERVICE_ACCOUNT)))
          .addMethod(
            getCreateServiceAccountKeyMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.CreateServiceAccountKeyRequest,
                tw.jipan.identity.v1.CreateServiceAccountKeyResponse>(
                  this, METHODID_CREATE_SERVICE_ACCOUNT_KEY)))
          .addMethod(
            getDeleteServiceAccountKeyMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.DeleteServiceAccountKeyRequest,
                tw.jipan.identity.v1.DeleteServiceAccountKeyResponse>(
                  this, METHODID_DELETE_SERVICE_ACCOUNT_KEY)))
          .build();
    }
  }

  /**
   * <pre>
   * Service accounts of organisations and their public keys. Every method needs
   * a person's token and the "admin" role in the owning organisation (checked
   * against stored memberships). Tokens for a service account are issued by
   * TokenService.IssueServiceAccountToken.
   * </pre>
   */
  public static final class ServiceAccountServiceStub extends io.grpc.stub.AbstractAsyncStub<ServiceAccountServiceStub> {
    private ServiceAccountServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ServiceAccountServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ServiceAccountServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a service account in an organisation.
     * </pre>
     */
    public void createServiceAccount(tw.jipan.identity.v1.CreateServiceAccountRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.CreateServiceAccountResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateServiceAccountMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists an organisation's service accounts, by name.
     * </pre>
     */
    public void listServiceAccounts(tw.jipan.identity.v1.ListServiceAccountsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListServiceAccountsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListServiceAccountsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a service account and its keys; its assertions stop working.
     * </pre>
     */
    public void deleteServiceAccount(tw.jipan.identity.v1.DeleteServiceAccountRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.DeleteServiceAccountResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteServiceAccountMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Registers a public key for a service account.
     * </pre>
     */
    public void createServiceAccountKey(tw.jipan.identity.v1.CreateServiceAccountKeyRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.CreateServiceAccountKeyResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateServiceAccountKeyMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Removes a public key; assertions signed with it stop working.
     * </pre>
     */
    public void deleteServiceAccountKey(tw.jipan.identity.v1.DeleteServiceAccountKeyRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.DeleteServiceAccountKeyResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteServiceAccountKeyMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Service accounts of organisations and their public keys. Every method needs
   * a person's token and the "admin" role in the owning organisation (checked
   * against stored memberships). Tokens for a service account are issued by
   * TokenService.IssueServiceAccountToken.
   * </pre>
   */
  public static final class ServiceAccountServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<ServiceAccountServiceBlockingStub> {
    private ServiceAccountServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ServiceAccountServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ServiceAccountServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a service account in an organisation.
     * </pre>
     */
    public tw.jipan.identity.v1.CreateServiceAccountResponse createServiceAccount(tw.jipan.identity.v1.CreateServiceAccountRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateServiceAccountMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists an organisation's service accounts, by name.
     * </pre>
     */
    public tw.jipan.identity.v1.ListServiceAccountsResponse listServiceAccounts(tw.jipan.identity.v1.ListServiceAccountsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListServiceAccountsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a service account and its keys; its assertions stop working.
     * </pre>
     */
    public tw.jipan.identity.v1.DeleteServiceAccountResponse deleteServiceAccount(tw.jipan.identity.v1.DeleteServiceAccountRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteServiceAccountMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Registers a public key for a service account.
     * </pre>
     */
    public tw.jipan.identity.v1.CreateServiceAccountKeyResponse createServiceAccountKey(tw.jipan.identity.v1.CreateServiceAccountKeyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateServiceAccountKeyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes a public key; assertions signed with it stop working.
     * </pre>
     */
    public tw.jipan.identity.v1.DeleteServiceAccountKeyResponse deleteServiceAccountKey(tw.jipan.identity.v1.DeleteServiceAccountKeyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteServiceAccountKeyMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Service accounts of organisations and their public keys. Every method needs
   * a person's token and the "admin" role in the owning organisation (checked
   * against stored memberships). Tokens for a service account are issued by
   * TokenService.IssueServiceAccountToken.
   * </pre>
   */
  public static final class ServiceAccountServiceFutureStub extends io.grpc.stub.AbstractFutureStub<ServiceAccountServiceFutureStub> {
    private ServiceAccountServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ServiceAccountServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ServiceAccountServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a service account in an organisation.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.CreateServiceAccountResponse> createServiceAccount(
        tw.jipan.identity.v1.CreateServiceAccountRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateServiceAccountMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists an organisation's service accounts, by name.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.ListServiceAccountsResponse> listServiceAccounts(
        tw.jipan.identity.v1.ListServiceAccountsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListServiceAccountsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a service account and its keys; its assertions stop working.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.DeleteServiceAccountResponse> deleteServiceAccount(
        tw.jipan.identity.v1.DeleteServiceAccountRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteServiceAccountMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Registers a public key for a service account.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.CreateServiceAccountKeyResponse> createServiceAccountKey(
        tw.jipan.identity.v1.CreateServiceAccountKeyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateServiceAccountKeyMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Removes a public key; assertions signed with it stop working.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.DeleteServiceAccountKeyResponse> deleteServiceAccountKey(
        tw.jipan.identity.v1.DeleteServiceAccountKeyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteServiceAccountKeyMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_SERVICE_ACCOUNT = 0;
  private static final int METHODID_LIST_SERVICE_ACCOUNTS = 1;
  private static final int METHODID_DELETE_SERVICE_ACCOUNT = 2;
  private static final int METHODID_CREATE_SERVICE_ACCOUNT_KEY = 3;
  private static final int METHODID_DELETE_SERVICE_ACCOUNT_KEY = 4;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final ServiceAccountServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(ServiceAccountServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_SERVICE_ACCOUNT:
          serviceImpl.createServiceAccount((tw.jipan.identity.v1.CreateServiceAccountRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.CreateServiceAccountResponse>) responseObserver);
          break;
        case METHODID_LIST_SERVICE_ACCOUNTS:
          serviceImpl.listServiceAccounts((tw.jipan.identity.v1.ListServiceAccountsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListServiceAccountsResponse>) responseObserver);
          break;
        case METHODID_DELETE_SERVICE_ACCOUNT:
          serviceImpl.deleteServiceAccount((tw.jipan.identity.v1.DeleteServiceAccountRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.DeleteServiceAccountResponse>) responseObserver);
          break;
        case METHODID_CREATE_SERVICE_ACCOUNT_KEY:
          serviceImpl.createServiceAccountKey((tw.jipan.identity.v1.CreateServiceAccountKeyRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.CreateServiceAccountKeyResponse>) responseObserver);
          break;
        case METHODID_DELETE_SERVICE_ACCOUNT_KEY:
          serviceImpl.deleteServiceAccountKey((tw.jipan.identity.v1.DeleteServiceAccountKeyRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.DeleteServiceAccountKeyResponse>) responseObserver);
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

  private static abstract class ServiceAccountServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    ServiceAccountServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.identity.v1.ServiceAccountServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("ServiceAccountService");
    }
  }

  private static final class ServiceAccountServiceFileDescriptorSupplier
      extends ServiceAccountServiceBaseDescriptorSupplier {
    ServiceAccountServiceFileDescriptorSupplier() {}
  }

  private static final class ServiceAccountServiceMethodDescriptorSupplier
      extends ServiceAccountServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    ServiceAccountServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (ServiceAccountServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new ServiceAccountServiceFileDescriptorSupplier())
              .addMethod(getCreateServiceAccountMethod())
              .addMethod(getListServiceAccountsMethod())
              .addMethod(getDeleteServiceAccountMethod())
              .addMethod(getCreateServiceAccountKeyMethod())
              .addMethod(getDeleteServiceAccountKeyMethod())
              .build();
        }
      }
    }
    return result;
  }
}
