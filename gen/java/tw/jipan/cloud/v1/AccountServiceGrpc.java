package tw.jipan.cloud.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Providers the broker has adapters for, and an organisation's accounts with
 * them. Credentials are write-only: stored encrypted under the service's
 * key-encryption key, bound to the account, never returned, replaced by
 * RotateProviderAccountCredentials.
 * A caller sees only its own organisation's accounts; another
 * organisation's account is NOT_FOUND.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/cloud/v1/account_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class AccountServiceGrpc {

  private AccountServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.cloud.v1.AccountService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListProvidersRequest,
      tw.jipan.cloud.v1.ListProvidersResponse> getListProvidersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListProviders",
      requestType = tw.jipan.cloud.v1.ListProvidersRequest.class,
      responseType = tw.jipan.cloud.v1.ListProvidersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListProvidersRequest,
      tw.jipan.cloud.v1.ListProvidersResponse> getListProvidersMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListProvidersRequest, tw.jipan.cloud.v1.ListProvidersResponse> getListProvidersMethod;
    if ((getListProvidersMethod = AccountServiceGrpc.getListProvidersMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getListProvidersMethod = AccountServiceGrpc.getListProvidersMethod) == null) {
          AccountServiceGrpc.getListProvidersMethod = getListProvidersMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.ListProvidersRequest, tw.jipan.cloud.v1.ListProvidersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListProviders"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListProvidersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListProvidersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("ListProviders"))
              .build();
        }
      }
    }
    return getListProvidersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.CreateProviderAccountRequest,
      tw.jipan.cloud.v1.CreateProviderAccountResponse> getCreateProviderAccountMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateProviderAccount",
      requestType = tw.jipan.cloud.v1.CreateProviderAccountRequest.class,
      responseType = tw.jipan.cloud.v1.CreateProviderAccountResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.CreateProviderAccountRequest,
      tw.jipan.cloud.v1.CreateProviderAccountResponse> getCreateProviderAccountMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.CreateProviderAccountRequest, tw.jipan.cloud.v1.CreateProviderAccountResponse> getCreateProviderAccountMethod;
    if ((getCreateProviderAccountMethod = AccountServiceGrpc.getCreateProviderAccountMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getCreateProviderAccountMethod = AccountServiceGrpc.getCreateProviderAccountMethod) == null) {
          AccountServiceGrpc.getCreateProviderAccountMethod = getCreateProviderAccountMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.CreateProviderAccountRequest, tw.jipan.cloud.v1.CreateProviderAccountResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateProviderAccount"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.CreateProviderAccountRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.CreateProviderAccountResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("CreateProviderAccount"))
              .build();
        }
      }
    }
    return getCreateProviderAccountMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.GetProviderAccountRequest,
      tw.jipan.cloud.v1.GetProviderAccountResponse> getGetProviderAccountMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetProviderAccount",
      requestType = tw.jipan.cloud.v1.GetProviderAccountRequest.class,
      responseType = tw.jipan.cloud.v1.GetProviderAccountResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.GetProviderAccountRequest,
      tw.jipan.cloud.v1.GetProviderAccountResponse> getGetProviderAccountMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.GetProviderAccountRequest, tw.jipan.cloud.v1.GetProviderAccountResponse> getGetProviderAccountMethod;
    if ((getGetProviderAccountMethod = AccountServiceGrpc.getGetProviderAccountMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getGetProviderAccountMethod = AccountServiceGrpc.getGetProviderAccountMethod) == null) {
          AccountServiceGrpc.getGetProviderAccountMethod = getGetProviderAccountMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.GetProviderAccountRequest, tw.jipan.cloud.v1.GetProviderAccountResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetProviderAccount"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.GetProviderAccountRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.GetProviderAccountResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("GetProviderAccount"))
              .build();
        }
      }
    }
    return getGetProviderAccountMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListProviderAccountsRequest,
      tw.jipan.cloud.v1.ListProviderAccountsResponse> getListProviderAccountsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListProviderAccounts",
      requestType = tw.jipan.cloud.v1.ListProviderAccountsRequest.class,
      responseType = tw.jipan.cloud.v1.ListProviderAccountsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListProviderAccountsRequest,
      tw.jipan.cloud.v1.ListProviderAccountsResponse> getListProviderAccountsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.ListProviderAccountsRequest, tw.jipan.cloud.v1.ListProviderAccountsResponse> getListProviderAccountsMethod;
    if ((getListProviderAccountsMethod = AccountServiceGrpc.getListProviderAccountsMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getListProviderAccountsMethod = AccountServiceGrpc.getListProviderAccountsMethod) == null) {
          AccountServiceGrpc.getListProviderAccountsMethod = getListProviderAccountsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.ListProviderAccountsRequest, tw.jipan.cloud.v1.ListProviderAccountsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListProviderAccounts"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListProviderAccountsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.ListProviderAccountsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("ListProviderAccounts"))
              .build();
        }
      }
    }
    return getListProviderAccountsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.RotateProviderAccountCredentialsRequest,
      tw.jipan.cloud.v1.RotateProviderAccountCredentialsResponse> getRotateProviderAccountCredentialsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RotateProviderAccountCredentials",
      requestType = tw.jipan.cloud.v1.RotateProviderAccountCredentialsRequest.class,
      responseType = tw.jipan.cloud.v1.RotateProviderAccountCredentialsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.RotateProviderAccountCredentialsRequest,
      tw.jipan.cloud.v1.RotateProviderAccountCredentialsResponse> getRotateProviderAccountCredentialsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.RotateProviderAccountCredentialsRequest, tw.jipan.cloud.v1.RotateProviderAccountCredentialsResponse> getRotateProviderAccountCredentialsMethod;
    if ((getRotateProviderAccountCredentialsMethod = AccountServiceGrpc.getRotateProviderAccountCredentialsMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getRotateProviderAccountCredentialsMethod = AccountServiceGrpc.getRotateProviderAccountCredentialsMethod) == null) {
          AccountServiceGrpc.getRotateProviderAccountCredentialsMethod = getRotateProviderAccountCredentialsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.RotateProviderAccountCredentialsRequest, tw.jipan.cloud.v1.RotateProviderAccountCredentialsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RotateProviderAccountCredentials"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.RotateProviderAccountCredentialsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.RotateProviderAccountCredentialsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("RotateProviderAccountCredentials"))
              .build();
        }
      }
    }
    return getRotateProviderAccountCredentialsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.VerifyProviderAccountRequest,
      tw.jipan.cloud.v1.VerifyProviderAccountResponse> getVerifyProviderAccountMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "VerifyProviderAccount",
      requestType = tw.jipan.cloud.v1.VerifyProviderAccountRequest.class,
      responseType = tw.jipan.cloud.v1.VerifyProviderAccountResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.VerifyProviderAccountRequest,
      tw.jipan.cloud.v1.VerifyProviderAccountResponse> getVerifyProviderAccountMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.VerifyProviderAccountRequest, tw.jipan.cloud.v1.VerifyProviderAccountResponse> getVerifyProviderAccountMethod;
    if ((getVerifyProviderAccountMethod = AccountServiceGrpc.getVerifyProviderAccountMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getVerifyProviderAccountMethod = AccountServiceGrpc.getVerifyProviderAccountMethod) == null) {
          AccountServiceGrpc.getVerifyProviderAccountMethod = getVerifyProviderAccountMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.VerifyProviderAccountRequest, tw.jipan.cloud.v1.VerifyProviderAccountResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "VerifyProviderAccount"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.VerifyProviderAccountRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.VerifyProviderAccountResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("VerifyProviderAccount"))
              .build();
        }
      }
    }
    return getVerifyProviderAccountMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.cloud.v1.DeleteProviderAccountRequest,
      tw.jipan.cloud.v1.DeleteProviderAccountResponse> getDeleteProviderAccountMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteProviderAccount",
      requestType = tw.jipan.cloud.v1.DeleteProviderAccountRequest.class,
      responseType = tw.jipan.cloud.v1.DeleteProviderAccountResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.cloud.v1.DeleteProviderAccountRequest,
      tw.jipan.cloud.v1.DeleteProviderAccountResponse> getDeleteProviderAccountMethod() {
    io.grpc.MethodDescriptor<tw.jipan.cloud.v1.DeleteProviderAccountRequest, tw.jipan.cloud.v1.DeleteProviderAccountResponse> getDeleteProviderAccountMethod;
    if ((getDeleteProviderAccountMethod = AccountServiceGrpc.getDeleteProviderAccountMethod) == null) {
      synchronized (AccountServiceGrpc.class) {
        if ((getDeleteProviderAccountMethod = AccountServiceGrpc.getDeleteProviderAccountMethod) == null) {
          AccountServiceGrpc.getDeleteProviderAccountMethod = getDeleteProviderAccountMethod =
              io.grpc.MethodDescriptor.<tw.jipan.cloud.v1.DeleteProviderAccountRequest, tw.jipan.cloud.v1.DeleteProviderAccountResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteProviderAccount"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.DeleteProviderAccountRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.cloud.v1.DeleteProviderAccountResponse.getDefaultInstance()))
              .setSchemaDescriptor(new AccountServiceMethodDescriptorSupplier("DeleteProviderAccount"))
              .build();
        }
      }
    }
    return getDeleteProviderAccountMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static AccountServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AccountServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AccountServiceStub>() {
        @java.lang.Override
        public AccountServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AccountServiceStub(channel, callOptions);
        }
      };
    return AccountServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static AccountServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AccountServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AccountServiceBlockingStub>() {
        @java.lang.Override
        public AccountServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AccountServiceBlockingStub(channel, callOptions);
        }
      };
    return AccountServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static AccountServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<AccountServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<AccountServiceFutureStub>() {
        @java.lang.Override
        public AccountServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new AccountServiceFutureStub(channel, callOptions);
        }
      };
    return AccountServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Providers the broker has adapters for, and an organisation's accounts with
   * them. Credentials are write-only: stored encrypted under the service's
   * key-encryption key, bound to the account, never returned, replaced by
   * RotateProviderAccountCredentials.
   * A caller sees only its own organisation's accounts; another
   * organisation's account is NOT_FOUND.
   * </pre>
   */
  public static abstract class AccountServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Lists the adapters and the capabilities each declares.
     * </pre>
     */
    public void listProviders(tw.jipan.cloud.v1.ListProvidersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListProvidersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListProvidersMethod(), responseObserver);
    }

    /**
     * <pre>
     * Creates a provider account of the caller's organisation with its
     * credentials. A replayed `request_id` returns the first account.
     * </pre>
     */
    public void createProviderAccount(tw.jipan.cloud.v1.CreateProviderAccountRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.CreateProviderAccountResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateProviderAccountMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one account (never its credentials).
     * </pre>
     */
    public void getProviderAccount(tw.jipan.cloud.v1.GetProviderAccountRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.GetProviderAccountResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetProviderAccountMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's accounts, oldest first.
     * </pre>
     */
    public void listProviderAccounts(tw.jipan.cloud.v1.ListProviderAccountsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListProviderAccountsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListProviderAccountsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Replaces an account's credentials; the old ones are gone once it
     * returns. The account is UNVERIFIED until verified again.
     * </pre>
     */
    public void rotateProviderAccountCredentials(tw.jipan.cloud.v1.RotateProviderAccountCredentialsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.RotateProviderAccountCredentialsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRotateProviderAccountCredentialsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Asks the provider whether it accepts the account's credentials and
     * records the answer in `state`. A refusal is not an error: the account
     * comes back REJECTED. A provider that does not answer is UNAVAILABLE
     * PROVIDER_UNAVAILABLE.
     * </pre>
     */
    public void verifyProviderAccount(tw.jipan.cloud.v1.VerifyProviderAccountRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.VerifyProviderAccountResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getVerifyProviderAccountMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes an account and its credentials.
     * </pre>
     */
    public void deleteProviderAccount(tw.jipan.cloud.v1.DeleteProviderAccountRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.DeleteProviderAccountResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteProviderAccountMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getListProvidersMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.ListProvidersRequest,
                tw.jipan.cloud.v1.ListProvidersResponse>(
                  this, METHODID_LIST_PROVIDERS)))
          .addMethod(
            getCreateProviderAccountMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.CreateProviderAccountRequest,
                tw.jipan.cloud.v1.CreateProviderAccountResponse>(
                  this, METHODID_CREATE_PROVIDER_ACCOUNT)))
          .addMethod(
            getGetProviderAccountMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.GetProviderAccountRequest,
                tw.jipan.cloud.v1.GetProviderAccountResponse>(
                  this, METHODID_GET_PROVIDER_ACCOUNT)))
          .addMethod(
            getListProviderAccountsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.ListProviderAccountsRequest,
                tw.jipan.cloud.v1.ListProviderAccountsResponse>(
                  this, METHODID_LIST_PROVIDER_ACCOUNTS)))
          .addMethod(
            getRotateProviderAccountCredentialsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.RotateProviderAccountCredentialsRequest,
                tw.jipan.cloud.v1.RotateProviderAccountCredentialsResponse>(
                  this, METHODID_ROTATE_PROVIDER_ACCOUNT_CREDENTIALS)))
          .addMethod(
            getVerifyProviderAccountMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.VerifyProviderAccountRequest,
                tw.jipan.cloud.v1.VerifyProviderAccountResponse>(
                  this, METHODID_VERIFY_PROVIDER_ACCOUNT)))
          .addMethod(
            getDeleteProviderAccountMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.cloud.v1.DeleteProviderAccountRequest,
                tw.jipan.cloud.v1.DeleteProviderAccountResponse>(
                  this, METHODID_DELETE_PROVIDER_ACCOUNT)))
          .build();
    }
  }

  /**
   * <pre>
   * Providers the broker has adapters for, and an organisation's accounts with
   * them. Credentials are write-only: stored encrypted under the service's
   * key-encryption key, bound to the account, never returned, replaced by
   * RotateProviderAccountCredentials.
   * A caller sees only its own organisation's accounts; another
   * organisation's account is NOT_FOUND.
   * </pre>
   */
  public static final class AccountServiceStub extends io.grpc.stub.AbstractAsyncStub<AccountServiceStub> {
    private AccountServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AccountServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AccountServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Lists the adapters and the capabilities each declares.
     * </pre>
     */
    public void listProviders(tw.jipan.cloud.v1.ListProvidersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListProvidersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListProvidersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Creates a provider account of the caller's organisation with its
     * credentials. A replayed `request_id` returns the first account.
     * </pre>
     */
    public void createProviderAccount(tw.jipan.cloud.v1.CreateProviderAccountRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.CreateProviderAccountResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateProviderAccountMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one account (never its credentials).
     * </pre>
     */
    public void getProviderAccount(tw.jipan.cloud.v1.GetProviderAccountRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.GetProviderAccountResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetProviderAccountMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the caller's organisation's accounts, oldest first.
     * </pre>
     */
    public void listProviderAccounts(tw.jipan.cloud.v1.ListProviderAccountsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListProviderAccountsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListProviderAccountsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Replaces an account's credentials; the old ones are gone once it
     * returns. The account is UNVERIFIED until verified again.
     * </pre>
     */
    public void rotateProviderAccountCredentials(tw.jipan.cloud.v1.RotateProviderAccountCredentialsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.RotateProviderAccountCredentialsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRotateProviderAccountCredentialsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Asks the provider whether it accepts the account's credentials and
     * records the answer in `state`. A refusal is not an error: the account
     * comes back REJECTED. A provider that does not answer is UNAVAILABLE
     * PROVIDER_UNAVAILABLE.
     * </pre>
     */
    public void verifyProviderAccount(tw.jipan.cloud.v1.VerifyProviderAccountRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.VerifyProviderAccountResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getVerifyProviderAccountMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes an account and its credentials.
     * </pre>
     */
    public void deleteProviderAccount(tw.jipan.cloud.v1.DeleteProviderAccountRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.DeleteProviderAccountResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteProviderAccountMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Providers the broker has adapters for, and an organisation's accounts with
   * them. Credentials are write-only: stored encrypted under the service's
   * key-encryption key, bound to the account, never returned, replaced by
   * RotateProviderAccountCredentials.
   * A caller sees only its own organisation's accounts; another
   * organisation's account is NOT_FOUND.
   * </pre>
   */
  public static final class AccountServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<AccountServiceBlockingStub> {
    private AccountServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AccountServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AccountServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Lists the adapters and the capabilities each declares.
     * </pre>
     */
    public tw.jipan.cloud.v1.ListProvidersResponse listProviders(tw.jipan.cloud.v1.ListProvidersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListProvidersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates a provider account of the caller's organisation with its
     * credentials. A replayed `request_id` returns the first account.
     * </pre>
     */
    public tw.jipan.cloud.v1.CreateProviderAccountResponse createProviderAccount(tw.jipan.cloud.v1.CreateProviderAccountRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateProviderAccountMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one account (never its credentials).
     * </pre>
     */
    public tw.jipan.cloud.v1.GetProviderAccountResponse getProviderAccount(tw.jipan.cloud.v1.GetProviderAccountRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetProviderAccountMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's accounts, oldest first.
     * </pre>
     */
    public tw.jipan.cloud.v1.ListProviderAccountsResponse listProviderAccounts(tw.jipan.cloud.v1.ListProviderAccountsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListProviderAccountsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Replaces an account's credentials; the old ones are gone once it
     * returns. The account is UNVERIFIED until verified again.
     * </pre>
     */
    public tw.jipan.cloud.v1.RotateProviderAccountCredentialsResponse rotateProviderAccountCredentials(tw.jipan.cloud.v1.RotateProviderAccountCredentialsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRotateProviderAccountCredentialsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Asks the provider whether it accepts the account's credentials and
     * records the answer in `state`. A refusal is not an error: the account
     * comes back REJECTED. A provider that does not answer is UNAVAILABLE
     * PROVIDER_UNAVAILABLE.
     * </pre>
     */
    public tw.jipan.cloud.v1.VerifyProviderAccountResponse verifyProviderAccount(tw.jipan.cloud.v1.VerifyProviderAccountRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getVerifyProviderAccountMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes an account and its credentials.
     * </pre>
     */
    public tw.jipan.cloud.v1.DeleteProviderAccountResponse deleteProviderAccount(tw.jipan.cloud.v1.DeleteProviderAccountRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteProviderAccountMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Providers the broker has adapters for, and an organisation's accounts with
   * them. Credentials are write-only: stored encrypted under the service's
   * key-encryption key, bound to the account, never returned, replaced by
   * RotateProviderAccountCredentials.
   * A caller sees only its own organisation's accounts; another
   * organisation's account is NOT_FOUND.
   * </pre>
   */
  public static final class AccountServiceFutureStub extends io.grpc.stub.AbstractFutureStub<AccountServiceFutureStub> {
    private AccountServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected AccountServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new AccountServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Lists the adapters and the capabilities each declares.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.ListProvidersResponse> listProviders(
        tw.jipan.cloud.v1.ListProvidersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListProvidersMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Creates a provider account of the caller's organisation with its
     * credentials. A replayed `request_id` returns the first account.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.CreateProviderAccountResponse> createProviderAccount(
        tw.jipan.cloud.v1.CreateProviderAccountRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateProviderAccountMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one account (never its credentials).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.GetProviderAccountResponse> getProviderAccount(
        tw.jipan.cloud.v1.GetProviderAccountRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetProviderAccountMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the caller's organisation's accounts, oldest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.ListProviderAccountsResponse> listProviderAccounts(
        tw.jipan.cloud.v1.ListProviderAccountsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListProviderAccountsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Replaces an account's credentials; the old ones are gone once it
     * returns. The account is UNVERIFIED until verified again.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.RotateProviderAccountCredentialsResponse> rotateProviderAccountCredentials(
        tw.jipan.cloud.v1.RotateProviderAccountCredentialsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRotateProviderAccountCredentialsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Asks the provider whether it accepts the account's credentials and
     * records the answer in `state`. A refusal is not an error: the account
     * comes back REJECTED. A provider that does not answer is UNAVAILABLE
     * PROVIDER_UNAVAILABLE.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.VerifyProviderAccountResponse> verifyProviderAccount(
        tw.jipan.cloud.v1.VerifyProviderAccountRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getVerifyProviderAccountMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes an account and its credentials.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.cloud.v1.DeleteProviderAccountResponse> deleteProviderAccount(
        tw.jipan.cloud.v1.DeleteProviderAccountRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteProviderAccountMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_LIST_PROVIDERS = 0;
  private static final int METHODID_CREATE_PROVIDER_ACCOUNT = 1;
  private static final int METHODID_GET_PROVIDER_ACCOUNT = 2;
  private static final int METHODID_LIST_PROVIDER_ACCOUNTS = 3;
  private static final int METHODID_ROTATE_PROVIDER_ACCOUNT_CREDENTIALS = 4;
  private static final int METHODID_VERIFY_PROVIDER_ACCOUNT = 5;
  private static final int METHODID_DELETE_PROVIDER_ACCOUNT = 6;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AccountServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(AccountServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_LIST_PROVIDERS:
          serviceImpl.listProviders((tw.jipan.cloud.v1.ListProvidersRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListProvidersResponse>) responseObserver);
          break;
        case METHODID_CREATE_PROVIDER_ACCOUNT:
          serviceImpl.createProviderAccount((tw.jipan.cloud.v1.CreateProviderAccountRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.CreateProviderAccountResponse>) responseObserver);
          break;
        case METHODID_GET_PROVIDER_ACCOUNT:
          serviceImpl.getProviderAccount((tw.jipan.cloud.v1.GetProviderAccountRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.GetProviderAccountResponse>) responseObserver);
          break;
        case METHODID_LIST_PROVIDER_ACCOUNTS:
          serviceImpl.listProviderAccounts((tw.jipan.cloud.v1.ListProviderAccountsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.ListProviderAccountsResponse>) responseObserver);
          break;
        case METHODID_ROTATE_PROVIDER_ACCOUNT_CREDENTIALS:
          serviceImpl.rotateProviderAccountCredentials((tw.jipan.cloud.v1.RotateProviderAccountCredentialsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.RotateProviderAccountCredentialsResponse>) responseObserver);
          break;
        case METHODID_VERIFY_PROVIDER_ACCOUNT:
          serviceImpl.verifyProviderAccount((tw.jipan.cloud.v1.VerifyProviderAccountRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.VerifyProviderAccountResponse>) responseObserver);
          break;
        case METHODID_DELETE_PROVIDER_ACCOUNT:
          serviceImpl.deleteProviderAccount((tw.jipan.cloud.v1.DeleteProviderAccountRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.cloud.v1.DeleteProviderAccountResponse>) responseObserver);
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

  private static abstract class AccountServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    AccountServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.cloud.v1.AccountServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("AccountService");
    }
  }

  private static final class AccountServiceFileDescriptorSupplier
      extends AccountServiceBaseDescriptorSupplier {
    AccountServiceFileDescriptorSupplier() {}
  }

  private static final class AccountServiceMethodDescriptorSupplier
      extends AccountServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    AccountServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (AccountServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new AccountServiceFileDescriptorSupplier())
              .addMethod(getListProvidersMethod())
              .addMethod(getCreateProviderAccountMethod())
              .addMethod(getGetProviderAccountMethod())
              .addMethod(getListProviderAccountsMethod())
              .addMethod(getRotateProviderAccountCredentialsMethod())
              .addMethod(getVerifyProviderAccountMethod())
              .addMethod(getDeleteProviderAccountMethod())
              .build();
        }
      }
    }
    return result;
  }
}
