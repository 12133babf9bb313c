package tw.jipan.identity.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * WebAuthn / FIDO2 passkey ceremonies: registering a new passport holder and
 * signing in. Each ceremony is a Begin call that returns the options for
 * `navigator.credentials.create()` / `.get()` in their WebAuthn Level 3 JSON
 * form, and a Finish call that takes the credential's JSON form
 * (`PublicKeyCredential.toJSON()`). Challenges are single-use and expire.
 * These methods are open: they are how a caller obtains a token.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/identity/v1/passkey_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class PasskeyServiceGrpc {

  private PasskeyServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.identity.v1.PasskeyService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.BeginPasskeyRegistrationRequest,
      tw.jipan.identity.v1.BeginPasskeyRegistrationResponse> getBeginPasskeyRegistrationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "BeginPasskeyRegistration",
      requestType = tw.jipan.identity.v1.BeginPasskeyRegistrationRequest.class,
      responseType = tw.jipan.identity.v1.BeginPasskeyRegistrationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.BeginPasskeyRegistrationRequest,
      tw.jipan.identity.v1.BeginPasskeyRegistrationResponse> getBeginPasskeyRegistrationMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.BeginPasskeyRegistrationRequest, tw.jipan.identity.v1.BeginPasskeyRegistrationResponse> getBeginPasskeyRegistrationMethod;
    if ((getBeginPasskeyRegistrationMethod = PasskeyServiceGrpc.getBeginPasskeyRegistrationMethod) == null) {
      synchronized (PasskeyServiceGrpc.class) {
        if ((getBeginPasskeyRegistrationMethod = PasskeyServiceGrpc.getBeginPasskeyRegistrationMethod) == null) {
          PasskeyServiceGrpc.getBeginPasskeyRegistrationMethod = getBeginPasskeyRegistrationMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.BeginPasskeyRegistrationRequest, tw.jipan.identity.v1.BeginPasskeyRegistrationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "BeginPasskeyRegistration"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.BeginPasskeyRegistrationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.BeginPasskeyRegistrationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PasskeyServiceMethodDescriptorSupplier("BeginPasskeyRegistration"))
              .build();
        }
      }
    }
    return getBeginPasskeyRegistrationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.FinishPasskeyRegistrationRequest,
      tw.jipan.identity.v1.FinishPasskeyRegistrationResponse> getFinishPasskeyRegistrationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "FinishPasskeyRegistration",
      requestType = tw.jipan.identity.v1.FinishPasskeyRegistrationRequest.class,
      responseType = tw.jipan.identity.v1.FinishPasskeyRegistrationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.FinishPasskeyRegistrationRequest,
      tw.jipan.identity.v1.FinishPasskeyRegistrationResponse> getFinishPasskeyRegistrationMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.FinishPasskeyRegistrationRequest, tw.jipan.identity.v1.FinishPasskeyRegistrationResponse> getFinishPasskeyRegistrationMethod;
    if ((getFinishPasskeyRegistrationMethod = PasskeyServiceGrpc.getFinishPasskeyRegistrationMethod) == null) {
      synchronized (PasskeyServiceGrpc.class) {
        if ((getFinishPasskeyRegistrationMethod = PasskeyServiceGrpc.getFinishPasskeyRegistrationMethod) == null) {
          PasskeyServiceGrpc.getFinishPasskeyRegistrationMethod = getFinishPasskeyRegistrationMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.FinishPasskeyRegistrationRequest, tw.jipan.identity.v1.FinishPasskeyRegistrationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "FinishPasskeyRegistration"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.FinishPasskeyRegistrationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.FinishPasskeyRegistrationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PasskeyServiceMethodDescriptorSupplier("FinishPasskeyRegistration"))
              .build();
        }
      }
    }
    return getFinishPasskeyRegistrationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.BeginPasskeyAuthenticationRequest,
      tw.jipan.identity.v1.BeginPasskeyAuthenticationResponse> getBeginPasskeyAuthenticationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "BeginPasskeyAuthentication",
      requestType = tw.jipan.identity.v1.BeginPasskeyAuthenticationRequest.class,
      responseType = tw.jipan.identity.v1.BeginPasskeyAuthenticationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.BeginPasskeyAuthenticationRequest,
      tw.jipan.identity.v1.BeginPasskeyAuthenticationResponse> getBeginPasskeyAuthenticationMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.BeginPasskeyAuthenticationRequest, tw.jipan.identity.v1.BeginPasskeyAuthenticationResponse> getBeginPasskeyAuthenticationMethod;
    if ((getBeginPasskeyAuthenticationMethod = PasskeyServiceGrpc.getBeginPasskeyAuthenticationMethod) == null) {
      synchronized (PasskeyServiceGrpc.class) {
        if ((getBeginPasskeyAuthenticationMethod = PasskeyServiceGrpc.getBeginPasskeyAuthenticationMethod) == null) {
          PasskeyServiceGrpc.getBeginPasskeyAuthenticationMethod = getBeginPasskeyAuthenticationMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.BeginPasskeyAuthenticationRequest, tw.jipan.identity.v1.BeginPasskeyAuthenticationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "BeginPasskeyAuthentication"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.BeginPasskeyAuthenticationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.BeginPasskeyAuthenticationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PasskeyServiceMethodDescriptorSupplier("BeginPasskeyAuthentication"))
              .build();
        }
      }
    }
    return getBeginPasskeyAuthenticationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.FinishPasskeyAuthenticationRequest,
      tw.jipan.identity.v1.FinishPasskeyAuthenticationResponse> getFinishPasskeyAuthenticationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "FinishPasskeyAuthentication",
      requestType = tw.jipan.identity.v1.FinishPasskeyAuthenticationRequest.class,
      responseType = tw.jipan.identity.v1.FinishPasskeyAuthenticationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.FinishPasskeyAuthenticationRequest,
      tw.jipan.identity.v1.FinishPasskeyAuthenticationResponse> getFinishPasskeyAuthenticationMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.FinishPasskeyAuthenticationRequest, tw.jipan.identity.v1.FinishPasskeyAuthenticationResponse> getFinishPasskeyAuthenticationMethod;
    if ((getFinishPasskeyAuthenticationMethod = PasskeyServiceGrpc.getFinishPasskeyAuthenticationMethod) == null) {
      synchronized (PasskeyServiceGrpc.class) {
        if ((getFinishPasskeyAuthenticationMethod = PasskeyServiceGrpc.getFinishPasskeyAuthenticationMethod) == null) {
          PasskeyServiceGrpc.getFinishPasskeyAuthenticationMethod = getFinishPasskeyAuthenticationMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.FinishPasskeyAuthenticationRequest, tw.jipan.identity.v1.FinishPasskeyAuthenticationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "FinishPasskeyAuthentication"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.FinishPasskeyAuthenticationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.FinishPasskeyAuthenticationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PasskeyServiceMethodDescriptorSupplier("FinishPasskeyAuthentication"))
              .build();
        }
      }
    }
    return getFinishPasskeyAuthenticationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.BeginPasskeyEnrollmentRequest,
      tw.jipan.identity.v1.BeginPasskeyEnrollmentResponse> getBeginPasskeyEnrollmentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "BeginPasskeyEnrollment",
      requestType = tw.jipan.identity.v1.BeginPasskeyEnrollmentRequest.class,
      responseType = tw.jipan.identity.v1.BeginPasskeyEnrollmentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.BeginPasskeyEnrollmentRequest,
      tw.jipan.identity.v1.BeginPasskeyEnrollmentResponse> getBeginPasskeyEnrollmentMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.BeginPasskeyEnrollmentRequest, tw.jipan.identity.v1.BeginPasskeyEnrollmentResponse> getBeginPasskeyEnrollmentMethod;
    if ((getBeginPasskeyEnrollmentMethod = PasskeyServiceGrpc.getBeginPasskeyEnrollmentMethod) == null) {
      synchronized (PasskeyServiceGrpc.class) {
        if ((getBeginPasskeyEnrollmentMethod = PasskeyServiceGrpc.getBeginPasskeyEnrollmentMethod) == null) {
          PasskeyServiceGrpc.getBeginPasskeyEnrollmentMethod = getBeginPasskeyEnrollmentMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.BeginPasskeyEnrollmentRequest, tw.jipan.identity.v1.BeginPasskeyEnrollmentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "BeginPasskeyEnrollment"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.BeginPasskeyEnrollmentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.BeginPasskeyEnrollmentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PasskeyServiceMethodDescriptorSupplier("BeginPasskeyEnrollment"))
              .build();
        }
      }
    }
    return getBeginPasskeyEnrollmentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.FinishPasskeyEnrollmentRequest,
      tw.jipan.identity.v1.FinishPasskeyEnrollmentResponse> getFinishPasskeyEnrollmentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "FinishPasskeyEnrollment",
      requestType = tw.jipan.identity.v1.FinishPasskeyEnrollmentRequest.class,
      responseType = tw.jipan.identity.v1.FinishPasskeyEnrollmentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.FinishPasskeyEnrollmentRequest,
      tw.jipan.identity.v1.FinishPasskeyEnrollmentResponse> getFinishPasskeyEnrollmentMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.FinishPasskeyEnrollmentRequest, tw.jipan.identity.v1.FinishPasskeyEnrollmentResponse> getFinishPasskeyEnrollmentMethod;
    if ((getFinishPasskeyEnrollmentMethod = PasskeyServiceGrpc.getFinishPasskeyEnrollmentMethod) == null) {
      synchronized (PasskeyServiceGrpc.class) {
        if ((getFinishPasskeyEnrollmentMethod = PasskeyServiceGrpc.getFinishPasskeyEnrollmentMethod) == null) {
          PasskeyServiceGrpc.getFinishPasskeyEnrollmentMethod = getFinishPasskeyEnrollmentMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.FinishPasskeyEnrollmentRequest, tw.jipan.identity.v1.FinishPasskeyEnrollmentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "FinishPasskeyEnrollment"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.FinishPasskeyEnrollmentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.FinishPasskeyEnrollmentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PasskeyServiceMethodDescriptorSupplier("FinishPasskeyEnrollment"))
              .build();
        }
      }
    }
    return getFinishPasskeyEnrollmentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListPasskeysRequest,
      tw.jipan.identity.v1.ListPasskeysResponse> getListPasskeysMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListPasskeys",
      requestType = tw.jipan.identity.v1.ListPasskeysRequest.class,
      responseType = tw.jipan.identity.v1.ListPasskeysResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListPasskeysRequest,
      tw.jipan.identity.v1.ListPasskeysResponse> getListPasskeysMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListPasskeysRequest, tw.jipan.identity.v1.ListPasskeysResponse> getListPasskeysMethod;
    if ((getListPasskeysMethod = PasskeyServiceGrpc.getListPasskeysMethod) == null) {
      synchronized (PasskeyServiceGrpc.class) {
        if ((getListPasskeysMethod = PasskeyServiceGrpc.getListPasskeysMethod) == null) {
          PasskeyServiceGrpc.getListPasskeysMethod = getListPasskeysMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.ListPasskeysRequest, tw.jipan.identity.v1.ListPasskeysResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListPasskeys"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.ListPasskeysRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.ListPasskeysResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PasskeyServiceMethodDescriptorSupplier("ListPasskeys"))
              .build();
        }
      }
    }
    return getListPasskeysMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.UpdatePasskeyRequest,
      tw.jipan.identity.v1.UpdatePasskeyResponse> getUpdatePasskeyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdatePasskey",
      requestType = tw.jipan.identity.v1.UpdatePasskeyRequest.class,
      responseType = tw.jipan.identity.v1.UpdatePasskeyResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.UpdatePasskeyRequest,
      tw.jipan.identity.v1.UpdatePasskeyResponse> getUpdatePasskeyMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.UpdatePasskeyRequest, tw.jipan.identity.v1.UpdatePasskeyResponse> getUpdatePasskeyMethod;
    if ((getUpdatePasskeyMethod = PasskeyServiceGrpc.getUpdatePasskeyMethod) == null) {
      synchronized (PasskeyServiceGrpc.class) {
        if ((getUpdatePasskeyMethod = PasskeyServiceGrpc.getUpdatePasskeyMethod) == null) {
          PasskeyServiceGrpc.getUpdatePasskeyMethod = getUpdatePasskeyMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.UpdatePasskeyRequest, tw.jipan.identity.v1.UpdatePasskeyResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdatePasskey"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.UpdatePasskeyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.UpdatePasskeyResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PasskeyServiceMethodDescriptorSupplier("UpdatePasskey"))
              .build();
        }
      }
    }
    return getUpdatePasskeyMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.DeletePasskeyRequest,
      tw.jipan.identity.v1.DeletePasskeyResponse> getDeletePasskeyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeletePasskey",
      requestType = tw.jipan.identity.v1.DeletePasskeyRequest.class,
      responseType = tw.jipan.identity.v1.DeletePasskeyResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.DeletePasskeyRequest,
      tw.jipan.identity.v1.DeletePasskeyResponse> getDeletePasskeyMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.DeletePasskeyRequest, tw.jipan.identity.v1.DeletePasskeyResponse> getDeletePasskeyMethod;
    if ((getDeletePasskeyMethod = PasskeyServiceGrpc.getDeletePasskeyMethod) == null) {
      synchronized (PasskeyServiceGrpc.class) {
        if ((getDeletePasskeyMethod = PasskeyServiceGrpc.getDeletePasskeyMethod) == null) {
          PasskeyServiceGrpc.getDeletePasskeyMethod = getDeletePasskeyMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.DeletePasskeyRequest, tw.jipan.identity.v1.DeletePasskeyResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeletePasskey"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.DeletePasskeyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.DeletePasskeyResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PasskeyServiceMethodDescriptorSupplier("DeletePasskey"))
              .build();
        }
      }
    }
    return getDeletePasskeyMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static PasskeyServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PasskeyServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PasskeyServiceStub>() {
        @java.lang.Override
        public PasskeyServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PasskeyServiceStub(channel, callOptions);
        }
      };
    return PasskeyServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static PasskeyServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PasskeyServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PasskeyServiceBlockingStub>() {
        @java.lang.Override
        public PasskeyServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PasskeyServiceBlockingStub(channel, callOptions);
        }
      };
    return PasskeyServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static PasskeyServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PasskeyServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PasskeyServiceFutureStub>() {
        @java.lang.Override
        public PasskeyServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PasskeyServiceFutureStub(channel, callOptions);
        }
      };
    return PasskeyServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * WebAuthn / FIDO2 passkey ceremonies: registering a new passport holder and
   * signing in. Each ceremony is a Begin call that returns the options for
   * `navigator.credentials.create()` / `.get()` in their WebAuthn Level 3 JSON
   * form, and a Finish call that takes the credential's JSON form
   * (`PublicKeyCredential.toJSON()`). Challenges are single-use and expire.
   * These methods are open: they are how a caller obtains a token.
   * </pre>
   */
  public static abstract class PasskeyServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Starts registering a new person with a passkey.
     * </pre>
     */
    public void beginPasskeyRegistration(tw.jipan.identity.v1.BeginPasskeyRegistrationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.BeginPasskeyRegistrationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getBeginPasskeyRegistrationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Verifies the new credential and creates the person.
     * </pre>
     */
    public void finishPasskeyRegistration(tw.jipan.identity.v1.FinishPasskeyRegistrationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.FinishPasskeyRegistrationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getFinishPasskeyRegistrationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Starts a sign-in; without a user name it is a discoverable (usernameless)
     * sign-in where the authenticator picks the credential.
     * </pre>
     */
    public void beginPasskeyAuthentication(tw.jipan.identity.v1.BeginPasskeyAuthenticationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.BeginPasskeyAuthenticationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getBeginPasskeyAuthenticationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Verifies the assertion and issues an access token.
     * </pre>
     */
    public void finishPasskeyAuthentication(tw.jipan.identity.v1.FinishPasskeyAuthenticationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.FinishPasskeyAuthenticationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getFinishPasskeyAuthenticationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Starts adding another passkey to the calling person's account.
     * </pre>
     */
    public void beginPasskeyEnrollment(tw.jipan.identity.v1.BeginPasskeyEnrollmentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.BeginPasskeyEnrollmentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getBeginPasskeyEnrollmentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Verifies the new credential and adds it to the calling person.
     * </pre>
     */
    public void finishPasskeyEnrollment(tw.jipan.identity.v1.FinishPasskeyEnrollmentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.FinishPasskeyEnrollmentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getFinishPasskeyEnrollmentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the calling person's passkeys.
     * </pre>
     */
    public void listPasskeys(tw.jipan.identity.v1.ListPasskeysRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListPasskeysResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListPasskeysMethod(), responseObserver);
    }

    /**
     * <pre>
     * Renames one of the calling person's passkeys.
     * </pre>
     */
    public void updatePasskey(tw.jipan.identity.v1.UpdatePasskeyRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.UpdatePasskeyResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdatePasskeyMethod(), responseObserver);
    }

    /**
     * <pre>
     * Revokes one of the calling person's passkeys; the last one cannot be
     * revoked (the person could never sign in again).
     * </pre>
     */
    public void deletePasskey(tw.jipan.identity.v1.DeletePasskeyRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.DeletePasskeyResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeletePasskeyMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getBeginPasskeyRegistrationMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.BeginPasskeyRegistrationRequest,
                tw.jipan.identity.v1.BeginPasskeyRegistrationResponse>(
                  this, METHODID_BEGIN_PASSKEY_REGISTRATION)))
          .addMethod(
            getFinishPasskeyRegistrationMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.FinishPasskeyRegistrationRequest,
                tw.jipan.identity.v1.FinishPasskeyRegistrationResponse>(
                  this, METHODID_FINISH_PASSKEY_REGISTRATION)))
          .addMethod(
            getBeginPasskeyAuthenticationMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.BeginPasskeyAuthenticationRequest,
                tw.jipan.identity.v1.BeginPasskeyAuthenticationResponse>(
                  this, METHODID_BEGIN_PASSKEY_AUTHENTICATION)))
          .addMethod(
            getFinishPasskeyAuthenticationMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.FinishPasskeyAuthenticationRequest,
                tw.jipan.identity.v1.FinishPasskeyAuthenticationResponse>(
                  this, METHODID_FINISH_PASSKEY_AUTHENTICATION)))
          .addMethod(
            getBeginPasskeyEnrollmentMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.BeginPasskeyEnrollmentRequest,
                tw.jipan.identity.v1.BeginPasskeyEnrollmentResponse>(
                  this, METHODID_BEGIN_PASSKEY_ENROLLMENT)))
          .addMethod(
            getFinishPasskeyEnrollmentMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.FinishPasskeyEnrollmentRequest,
                tw.jipan.identity.v1.FinishPasskeyEnrollmentResponse>(
                  this, METHODID_FINISH_PASSKEY_ENROLLMENT)))
          .addMethod(
            getListPasskeysMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.ListPasskeysRequest,
                tw.jipan.identity.v1.ListPasskeysResponse>(
                  this, METHODID_LIST_PASSKEYS)))
          .addMethod(
            getUpdatePasskeyMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.UpdatePasskeyRequest,
                tw.jipan.identity.v1.UpdatePasskeyResponse>(
                  this, METHODID_UPDATE_PASSKEY)))
          .addMethod(
            getDeletePasskeyMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.DeletePasskeyRequest,
                tw.jipan.identity.v1.DeletePasskeyResponse>(
                  this, METHODID_DELETE_PASSKEY)))
          .build();
    }
  }

  /**
   * <pre>
   * WebAuthn / FIDO2 passkey ceremonies: registering a new passport holder and
   * signing in. Each ceremony is a Begin call that returns the options for
   * `navigator.credentials.create()` / `.get()` in their WebAuthn Level 3 JSON
   * form, and a Finish call that takes the credential's JSON form
   * (`PublicKeyCredential.toJSON()`). Challenges are single-use and expire.
   * These methods are open: they are how a caller obtains a token.
   * </pre>
   */
  public static final class PasskeyServiceStub extends io.grpc.stub.AbstractAsyncStub<PasskeyServiceStub> {
    private PasskeyServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PasskeyServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PasskeyServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts registering a new person with a passkey.
     * </pre>
     */
    public void beginPasskeyRegistration(tw.jipan.identity.v1.BeginPasskeyRegistrationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.BeginPasskeyRegistrationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getBeginPasskeyRegistrationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Verifies the new credential and creates the person.
     * </pre>
     */
    public void finishPasskeyRegistration(tw.jipan.identity.v1.FinishPasskeyRegistrationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.FinishPasskeyRegistrationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getFinishPasskeyRegistrationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Starts a sign-in; without a user name it is a discoverable (usernameless)
     * sign-in where the authenticator picks the credential.
     * </pre>
     */
    public void beginPasskeyAuthentication(tw.jipan.identity.v1.BeginPasskeyAuthenticationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.BeginPasskeyAuthenticationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getBeginPasskeyAuthenticationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Verifies the assertion and issues an access token.
     * </pre>
     */
    public void finishPasskeyAuthentication(tw.jipan.identity.v1.FinishPasskeyAuthenticationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.FinishPasskeyAuthenticationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getFinishPasskeyAuthenticationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Starts adding another passkey to the calling person's account.
     * </pre>
     */
    public void beginPasskeyEnrollment(tw.jipan.identity.v1.BeginPasskeyEnrollmentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.BeginPasskeyEnrollmentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getBeginPasskeyEnrollmentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Verifies the new credential and adds it to the calling person.
     * </pre>
     */
    public void finishPasskeyEnrollment(tw.jipan.identity.v1.FinishPasskeyEnrollmentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.FinishPasskeyEnrollmentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getFinishPasskeyEnrollmentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the calling person's passkeys.
     * </pre>
     */
    public void listPasskeys(tw.jipan.identity.v1.ListPasskeysRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListPasskeysResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListPasskeysMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Renames one of the calling person's passkeys.
     * </pre>
     */
    public void updatePasskey(tw.jipan.identity.v1.UpdatePasskeyRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.UpdatePasskeyResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdatePasskeyMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Revokes one of the calling person's passkeys; the last one cannot be
     * revoked (the person could never sign in again).
     * </pre>
     */
    public void deletePasskey(tw.jipan.identity.v1.DeletePasskeyRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.DeletePasskeyResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeletePasskeyMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * WebAuthn / FIDO2 passkey ceremonies: registering a new passport holder and
   * signing in. Each ceremony is a Begin call that returns the options for
   * `navigator.credentials.create()` / `.get()` in their WebAuthn Level 3 JSON
   * form, and a Finish call that takes the credential's JSON form
   * (`PublicKeyCredential.toJSON()`). Challenges are single-use and expire.
   * These methods are open: they are how a caller obtains a token.
   * </pre>
   */
  public static final class PasskeyServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<PasskeyServiceBlockingStub> {
    private PasskeyServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PasskeyServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PasskeyServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts registering a new person with a passkey.
     * </pre>
     */
    public tw.jipan.identity.v1.BeginPasskeyRegistrationResponse beginPasskeyRegistration(tw.jipan.identity.v1.BeginPasskeyRegistrationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getBeginPasskeyRegistrationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Verifies the new credential and creates the person.
     * </pre>
     */
    public tw.jipan.identity.v1.FinishPasskeyRegistrationResponse finishPasskeyRegistration(tw.jipan.identity.v1.FinishPasskeyRegistrationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getFinishPasskeyRegistrationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Starts a sign-in; without a user name it is a discoverable (usernameless)
     * sign-in where the authenticator picks the credential.
     * </pre>
     */
    public tw.jipan.identity.v1.BeginPasskeyAuthenticationResponse beginPasskeyAuthentication(tw.jipan.identity.v1.BeginPasskeyAuthenticationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getBeginPasskeyAuthenticationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Verifies the assertion and issues an access token.
     * </pre>
     */
    public tw.jipan.identity.v1.FinishPasskeyAuthenticationResponse finishPasskeyAuthentication(tw.jipan.identity.v1.FinishPasskeyAuthenticationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getFinishPasskeyAuthenticationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Starts adding another passkey to the calling person's account.
     * </pre>
     */
    public tw.jipan.identity.v1.BeginPasskeyEnrollmentResponse beginPasskeyEnrollment(tw.jipan.identity.v1.BeginPasskeyEnrollmentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getBeginPasskeyEnrollmentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Verifies the new credential and adds it to the calling person.
     * </pre>
     */
    public tw.jipan.identity.v1.FinishPasskeyEnrollmentResponse finishPasskeyEnrollment(tw.jipan.identity.v1.FinishPasskeyEnrollmentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getFinishPasskeyEnrollmentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the calling person's passkeys.
     * </pre>
     */
    public tw.jipan.identity.v1.ListPasskeysResponse listPasskeys(tw.jipan.identity.v1.ListPasskeysRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListPasskeysMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Renames one of the calling person's passkeys.
     * </pre>
     */
    public tw.jipan.identity.v1.UpdatePasskeyResponse updatePasskey(tw.jipan.identity.v1.UpdatePasskeyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdatePasskeyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Revokes one of the calling person's passkeys; the last one cannot be
     * revoked (the person could never sign in again).
     * </pre>
     */
    public tw.jipan.identity.v1.DeletePasskeyResponse deletePasskey(tw.jipan.identity.v1.DeletePasskeyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeletePasskeyMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * WebAuthn / FIDO2 passkey ceremonies: registering a new passport holder and
   * signing in. Each ceremony is a Begin call that returns the options for
   * `navigator.credentials.create()` / `.get()` in their WebAuthn Level 3 JSON
   * form, and a Finish call that takes the credential's JSON form
   * (`PublicKeyCredential.toJSON()`). Challenges are single-use and expire.
   * These methods are open: they are how a caller obtains a token.
   * </pre>
   */
  public static final class PasskeyServiceFutureStub extends io.grpc.stub.AbstractFutureStub<PasskeyServiceFutureStub> {
    private PasskeyServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PasskeyServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PasskeyServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Starts registering a new person with a passkey.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.BeginPasskeyRegistrationResponse> beginPasskeyRegistration(
        tw.jipan.identity.v1.BeginPasskeyRegistrationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getBeginPasskeyRegistrationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Verifies the new credential and creates the person.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.FinishPasskeyRegistrationResponse> finishPasskeyRegistration(
        tw.jipan.identity.v1.FinishPasskeyRegistrationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getFinishPasskeyRegistrationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Starts a sign-in; without a user name it is a discoverable (usernameless)
     * sign-in where the authenticator picks the credential.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.BeginPasskeyAuthenticationResponse> beginPasskeyAuthentication(
        tw.jipan.identity.v1.BeginPasskeyAuthenticationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getBeginPasskeyAuthenticationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Verifies the assertion and issues an access token.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.FinishPasskeyAuthenticationResponse> finishPasskeyAuthentication(
        tw.jipan.identity.v1.FinishPasskeyAuthenticationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getFinishPasskeyAuthenticationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Starts adding another passkey to the calling person's account.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.BeginPasskeyEnrollmentResponse> beginPasskeyEnrollment(
        tw.jipan.identity.v1.BeginPasskeyEnrollmentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getBeginPasskeyEnrollmentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Verifies the new credential and adds it to the calling person.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.FinishPasskeyEnrollmentResponse> finishPasskeyEnrollment(
        tw.jipan.identity.v1.FinishPasskeyEnrollmentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getFinishPasskeyEnrollmentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the calling person's passkeys.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.ListPasskeysResponse> listPasskeys(
        tw.jipan.identity.v1.ListPasskeysRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListPasskeysMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Renames one of the calling person's passkeys.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.UpdatePasskeyResponse> updatePasskey(
        tw.jipan.identity.v1.UpdatePasskeyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdatePasskeyMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Revokes one of the calling person's passkeys; the last one cannot be
     * revoked (the person could never sign in again).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.DeletePasskeyResponse> deletePasskey(
        tw.jipan.identity.v1.DeletePasskeyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeletePasskeyMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_BEGIN_PASSKEY_REGISTRATION = 0;
  private static final int METHODID_FINISH_PASSKEY_REGISTRATION = 1;
  private static final int METHODID_BEGIN_PASSKEY_AUTHENTICATION = 2;
  private static final int METHODID_FINISH_PASSKEY_AUTHENTICATION = 3;
  private static final int METHODID_BEGIN_PASSKEY_ENROLLMENT = 4;
  private static final int METHODID_FINISH_PASSKEY_ENROLLMENT = 5;
  private static final int METHODID_LIST_PASSKEYS = 6;
  private static final int METHODID_UPDATE_PASSKEY = 7;
  private static final int METHODID_DELETE_PASSKEY = 8;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final PasskeyServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(PasskeyServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_BEGIN_PASSKEY_REGISTRATION:
          serviceImpl.beginPasskeyRegistration((tw.jipan.identity.v1.BeginPasskeyRegistrationRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.BeginPasskeyRegistrationResponse>) responseObserver);
          break;
        case METHODID_FINISH_PASSKEY_REGISTRATION:
          serviceImpl.finishPasskeyRegistration((tw.jipan.identity.v1.FinishPasskeyRegistrationRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.FinishPasskeyRegistrationResponse>) responseObserver);
          break;
        case METHODID_BEGIN_PASSKEY_AUTHENTICATION:
          serviceImpl.beginPasskeyAuthentication((tw.jipan.identity.v1.BeginPasskeyAuthenticationRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.BeginPasskeyAuthenticationResponse>) responseObserver);
          break;
        case METHODID_FINISH_PASSKEY_AUTHENTICATION:
          serviceImpl.finishPasskeyAuthentication((tw.jipan.identity.v1.FinishPasskeyAuthenticationRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.FinishPasskeyAuthenticationResponse>) responseObserver);
          break;
        case METHODID_BEGIN_PASSKEY_ENROLLMENT:
          serviceImpl.beginPasskeyEnrollment((tw.jipan.identity.v1.BeginPasskeyEnrollmentRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.BeginPasskeyEnrollmentResponse>) responseObserver);
          break;
        case METHODID_FINISH_PASSKEY_ENROLLMENT:
          serviceImpl.finishPasskeyEnrollment((tw.jipan.identity.v1.FinishPasskeyEnrollmentRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.FinishPasskeyEnrollmentResponse>) responseObserver);
          break;
        case METHODID_LIST_PASSKEYS:
          serviceImpl.listPasskeys((tw.jipan.identity.v1.ListPasskeysRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListPasskeysResponse>) responseObserver);
          break;
        case METHODID_UPDATE_PASSKEY:
          serviceImpl.updatePasskey((tw.jipan.identity.v1.UpdatePasskeyRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.UpdatePasskeyResponse>) responseObserver);
          break;
        case METHODID_DELETE_PASSKEY:
          serviceImpl.deletePasskey((tw.jipan.identity.v1.DeletePasskeyRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.DeletePasskeyResponse>) responseObserver);
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

  private static abstract class PasskeyServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    PasskeyServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.identity.v1.PasskeyServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("PasskeyService");
    }
  }

  private static final class PasskeyServiceFileDescriptorSupplier
      extends PasskeyServiceBaseDescriptorSupplier {
    PasskeyServiceFileDescriptorSupplier() {}
  }

  private static final class PasskeyServiceMethodDescriptorSupplier
      extends PasskeyServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    PasskeyServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (PasskeyServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new PasskeyServiceFileDescriptorSupplier())
              .addMethod(getBeginPasskeyRegistrationMethod())
              .addMethod(getFinishPasskeyRegistrationMethod())
              .addMethod(getBeginPasskeyAuthenticationMethod())
              .addMethod(getFinishPasskeyAuthenticationMethod())
              .addMethod(getBeginPasskeyEnrollmentMethod())
              .addMethod(getFinishPasskeyEnrollmentMethod())
              .addMethod(getListPasskeysMethod())
              .addMethod(getUpdatePasskeyMethod())
              .addMethod(getDeletePasskeyMethod())
              .build();
        }
      }
    }
    return result;
  }
}
