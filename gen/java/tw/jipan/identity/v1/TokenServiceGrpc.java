package tw.jipan.identity.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Publishes the public keys that identity's access tokens are signed with.
 * Every server in the mesh verifies tokens with this set (configured by
 * JIPAN_IDENTITY_TARGET), caching it and refetching on an unknown `kid`.
 * Revocation: identity keeps a feed of revoked access tokens, consents and
 * sign-in sessions (ListRevocations). Every server polls it every
 * JIPAN_REVOCATION_REFRESH_S seconds (default 2) and refuses a matching token
 * with UNAUTHENTICATED and reason TOKEN_REVOKED or CONSENT_REVOKED (domain
 * common.jipan.tw), cached verifications included. The bound: a revocation
 * takes effect on every server within JIPAN_REVOCATION_REFRESH_S plus one
 * ListRevocations call (at once in the process that runs identity). While a
 * server cannot reach identity it keeps the list it has and logs; a token
 * revoked during such an outage keeps working there until identity is
 * reachable again or the token expires, whichever comes first.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/identity/v1/token_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class TokenServiceGrpc {

  private TokenServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.identity.v1.TokenService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.GetKeySetRequest,
      tw.jipan.identity.v1.GetKeySetResponse> getGetKeySetMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetKeySet",
      requestType = tw.jipan.identity.v1.GetKeySetRequest.class,
      responseType = tw.jipan.identity.v1.GetKeySetResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.GetKeySetRequest,
      tw.jipan.identity.v1.GetKeySetResponse> getGetKeySetMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.GetKeySetRequest, tw.jipan.identity.v1.GetKeySetResponse> getGetKeySetMethod;
    if ((getGetKeySetMethod = TokenServiceGrpc.getGetKeySetMethod) == null) {
      synchronized (TokenServiceGrpc.class) {
        if ((getGetKeySetMethod = TokenServiceGrpc.getGetKeySetMethod) == null) {
          TokenServiceGrpc.getGetKeySetMethod = getGetKeySetMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.GetKeySetRequest, tw.jipan.identity.v1.GetKeySetResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetKeySet"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.GetKeySetRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.GetKeySetResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TokenServiceMethodDescriptorSupplier("GetKeySet"))
              .build();
        }
      }
    }
    return getGetKeySetMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.RefreshAccessTokenRequest,
      tw.jipan.identity.v1.RefreshAccessTokenResponse> getRefreshAccessTokenMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RefreshAccessToken",
      requestType = tw.jipan.identity.v1.RefreshAccessTokenRequest.class,
      responseType = tw.jipan.identity.v1.RefreshAccessTokenResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.RefreshAccessTokenRequest,
      tw.jipan.identity.v1.RefreshAccessTokenResponse> getRefreshAccessTokenMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.RefreshAccessTokenRequest, tw.jipan.identity.v1.RefreshAccessTokenResponse> getRefreshAccessTokenMethod;
    if ((getRefreshAccessTokenMethod = TokenServiceGrpc.getRefreshAccessTokenMethod) == null) {
      synchronized (TokenServiceGrpc.class) {
        if ((getRefreshAccessTokenMethod = TokenServiceGrpc.getRefreshAccessTokenMethod) == null) {
          TokenServiceGrpc.getRefreshAccessTokenMethod = getRefreshAccessTokenMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.RefreshAccessTokenRequest, tw.jipan.identity.v1.RefreshAccessTokenResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RefreshAccessToken"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.RefreshAccessTokenRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.RefreshAccessTokenResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TokenServiceMethodDescriptorSupplier("RefreshAccessToken"))
              .build();
        }
      }
    }
    return getRefreshAccessTokenMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.RevokeRefreshTokenRequest,
      tw.jipan.identity.v1.RevokeRefreshTokenResponse> getRevokeRefreshTokenMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RevokeRefreshToken",
      requestType = tw.jipan.identity.v1.RevokeRefreshTokenRequest.class,
      responseType = tw.jipan.identity.v1.RevokeRefreshTokenResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.RevokeRefreshTokenRequest,
      tw.jipan.identity.v1.RevokeRefreshTokenResponse> getRevokeRefreshTokenMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.RevokeRefreshTokenRequest, tw.jipan.identity.v1.RevokeRefreshTokenResponse> getRevokeRefreshTokenMethod;
    if ((getRevokeRefreshTokenMethod = TokenServiceGrpc.getRevokeRefreshTokenMethod) == null) {
      synchronized (TokenServiceGrpc.class) {
        if ((getRevokeRefreshTokenMethod = TokenServiceGrpc.getRevokeRefreshTokenMethod) == null) {
          TokenServiceGrpc.getRevokeRefreshTokenMethod = getRevokeRefreshTokenMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.RevokeRefreshTokenRequest, tw.jipan.identity.v1.RevokeRefreshTokenResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RevokeRefreshToken"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.RevokeRefreshTokenRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.RevokeRefreshTokenResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TokenServiceMethodDescriptorSupplier("RevokeRefreshToken"))
              .build();
        }
      }
    }
    return getRevokeRefreshTokenMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.IssueServiceAccountTokenRequest,
      tw.jipan.identity.v1.IssueServiceAccountTokenResponse> getIssueServiceAccountTokenMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "IssueServiceAccountToken",
      requestType = tw.jipan.identity.v1.IssueServiceAccountTokenRequest.class,
      responseType = tw.jipan.identity.v1.IssueServiceAccountTokenResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.IssueServiceAccountTokenRequest,
      tw.jipan.identity.v1.IssueServiceAccountTokenResponse> getIssueServiceAccountTokenMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.IssueServiceAccountTokenRequest, tw.jipan.identity.v1.IssueServiceAccountTokenResponse> getIssueServiceAccountTokenMethod;
    if ((getIssueServiceAccountTokenMethod = TokenServiceGrpc.getIssueServiceAccountTokenMethod) == null) {
      synchronized (TokenServiceGrpc.class) {
        if ((getIssueServiceAccountTokenMethod = TokenServiceGrpc.getIssueServiceAccountTokenMethod) == null) {
          TokenServiceGrpc.getIssueServiceAccountTokenMethod = getIssueServiceAccountTokenMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.IssueServiceAccountTokenRequest, tw.jipan.identity.v1.IssueServiceAccountTokenResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "IssueServiceAccountToken"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.IssueServiceAccountTokenRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.IssueServiceAccountTokenResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TokenServiceMethodDescriptorSupplier("IssueServiceAccountToken"))
              .build();
        }
      }
    }
    return getIssueServiceAccountTokenMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.ExchangeTokenRequest,
      tw.jipan.identity.v1.ExchangeTokenResponse> getExchangeTokenMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ExchangeToken",
      requestType = tw.jipan.identity.v1.ExchangeTokenRequest.class,
      responseType = tw.jipan.identity.v1.ExchangeTokenResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.ExchangeTokenRequest,
      tw.jipan.identity.v1.ExchangeTokenResponse> getExchangeTokenMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.ExchangeTokenRequest, tw.jipan.identity.v1.ExchangeTokenResponse> getExchangeTokenMethod;
    if ((getExchangeTokenMethod = TokenServiceGrpc.getExchangeTokenMethod) == null) {
      synchronized (TokenServiceGrpc.class) {
        if ((getExchangeTokenMethod = TokenServiceGrpc.getExchangeTokenMethod) == null) {
          TokenServiceGrpc.getExchangeTokenMethod = getExchangeTokenMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.ExchangeTokenRequest, tw.jipan.identity.v1.ExchangeTokenResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ExchangeToken"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.ExchangeTokenRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.ExchangeTokenResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TokenServiceMethodDescriptorSupplier("ExchangeToken"))
              .build();
        }
      }
    }
    return getExchangeTokenMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.IssueConsentTokenRequest,
      tw.jipan.identity.v1.IssueConsentTokenResponse> getIssueConsentTokenMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "IssueConsentToken",
      requestType = tw.jipan.identity.v1.IssueConsentTokenRequest.class,
      responseType = tw.jipan.identity.v1.IssueConsentTokenResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.IssueConsentTokenRequest,
      tw.jipan.identity.v1.IssueConsentTokenResponse> getIssueConsentTokenMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.IssueConsentTokenRequest, tw.jipan.identity.v1.IssueConsentTokenResponse> getIssueConsentTokenMethod;
    if ((getIssueConsentTokenMethod = TokenServiceGrpc.getIssueConsentTokenMethod) == null) {
      synchronized (TokenServiceGrpc.class) {
        if ((getIssueConsentTokenMethod = TokenServiceGrpc.getIssueConsentTokenMethod) == null) {
          TokenServiceGrpc.getIssueConsentTokenMethod = getIssueConsentTokenMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.IssueConsentTokenRequest, tw.jipan.identity.v1.IssueConsentTokenResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "IssueConsentToken"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.IssueConsentTokenRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.IssueConsentTokenResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TokenServiceMethodDescriptorSupplier("IssueConsentToken"))
              .build();
        }
      }
    }
    return getIssueConsentTokenMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.IntrospectTokenRequest,
      tw.jipan.identity.v1.IntrospectTokenResponse> getIntrospectTokenMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "IntrospectToken",
      requestType = tw.jipan.identity.v1.IntrospectTokenRequest.class,
      responseType = tw.jipan.identity.v1.IntrospectTokenResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.IntrospectTokenRequest,
      tw.jipan.identity.v1.IntrospectTokenResponse> getIntrospectTokenMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.IntrospectTokenRequest, tw.jipan.identity.v1.IntrospectTokenResponse> getIntrospectTokenMethod;
    if ((getIntrospectTokenMethod = TokenServiceGrpc.getIntrospectTokenMethod) == null) {
      synchronized (TokenServiceGrpc.class) {
        if ((getIntrospectTokenMethod = TokenServiceGrpc.getIntrospectTokenMethod) == null) {
          TokenServiceGrpc.getIntrospectTokenMethod = getIntrospectTokenMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.IntrospectTokenRequest, tw.jipan.identity.v1.IntrospectTokenResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "IntrospectToken"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.IntrospectTokenRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.IntrospectTokenResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TokenServiceMethodDescriptorSupplier("IntrospectToken"))
              .build();
        }
      }
    }
    return getIntrospectTokenMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.RevokeAccessTokenRequest,
      tw.jipan.identity.v1.RevokeAccessTokenResponse> getRevokeAccessTokenMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RevokeAccessToken",
      requestType = tw.jipan.identity.v1.RevokeAccessTokenRequest.class,
      responseType = tw.jipan.identity.v1.RevokeAccessTokenResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.RevokeAccessTokenRequest,
      tw.jipan.identity.v1.RevokeAccessTokenResponse> getRevokeAccessTokenMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.RevokeAccessTokenRequest, tw.jipan.identity.v1.RevokeAccessTokenResponse> getRevokeAccessTokenMethod;
    if ((getRevokeAccessTokenMethod = TokenServiceGrpc.getRevokeAccessTokenMethod) == null) {
      synchronized (TokenServiceGrpc.class) {
        if ((getRevokeAccessTokenMethod = TokenServiceGrpc.getRevokeAccessTokenMethod) == null) {
          TokenServiceGrpc.getRevokeAccessTokenMethod = getRevokeAccessTokenMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.RevokeAccessTokenRequest, tw.jipan.identity.v1.RevokeAccessTokenResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RevokeAccessToken"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.RevokeAccessTokenRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.RevokeAccessTokenResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TokenServiceMethodDescriptorSupplier("RevokeAccessToken"))
              .build();
        }
      }
    }
    return getRevokeAccessTokenMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListRevocationsRequest,
      tw.jipan.identity.v1.ListRevocationsResponse> getListRevocationsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListRevocations",
      requestType = tw.jipan.identity.v1.ListRevocationsRequest.class,
      responseType = tw.jipan.identity.v1.ListRevocationsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListRevocationsRequest,
      tw.jipan.identity.v1.ListRevocationsResponse> getListRevocationsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.identity.v1.ListRevocationsRequest, tw.jipan.identity.v1.ListRevocationsResponse> getListRevocationsMethod;
    if ((getListRevocationsMethod = TokenServiceGrpc.getListRevocationsMethod) == null) {
      synchronized (TokenServiceGrpc.class) {
        if ((getListRevocationsMethod = TokenServiceGrpc.getListRevocationsMethod) == null) {
          TokenServiceGrpc.getListRevocationsMethod = getListRevocationsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.identity.v1.ListRevocationsRequest, tw.jipan.identity.v1.ListRevocationsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListRevocations"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.ListRevocationsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.identity.v1.ListRevocationsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TokenServiceMethodDescriptorSupplier("ListRevocations"))
              .build();
        }
      }
    }
    return getListRevocationsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static TokenServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TokenServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TokenServiceStub>() {
        @java.lang.Override
        public TokenServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TokenServiceStub(channel, callOptions);
        }
      };
    return TokenServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static TokenServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TokenServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TokenServiceBlockingStub>() {
        @java.lang.Override
        public TokenServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TokenServiceBlockingStub(channel, callOptions);
        }
      };
    return TokenServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static TokenServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TokenServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TokenServiceFutureStub>() {
        @java.lang.Override
        public TokenServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TokenServiceFutureStub(channel, callOptions);
        }
      };
    return TokenServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Publishes the public keys that identity's access tokens are signed with.
   * Every server in the mesh verifies tokens with this set (configured by
   * JIPAN_IDENTITY_TARGET), caching it and refetching on an unknown `kid`.
   * Revocation: identity keeps a feed of revoked access tokens, consents and
   * sign-in sessions (ListRevocations). Every server polls it every
   * JIPAN_REVOCATION_REFRESH_S seconds (default 2) and refuses a matching token
   * with UNAUTHENTICATED and reason TOKEN_REVOKED or CONSENT_REVOKED (domain
   * common.jipan.tw), cached verifications included. The bound: a revocation
   * takes effect on every server within JIPAN_REVOCATION_REFRESH_S plus one
   * ListRevocations call (at once in the process that runs identity). While a
   * server cannot reach identity it keeps the list it has and logs; a token
   * revoked during such an outage keeps working there until identity is
   * reachable again or the token expires, whichever comes first.
   * </pre>
   */
  public static abstract class TokenServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Returns the keys currently valid for verification: the active signing
     * key and the retired ones still within their overlap window.
     * </pre>
     */
    public void getKeySet(tw.jipan.identity.v1.GetKeySetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.GetKeySetResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetKeySetMethod(), responseObserver);
    }

    /**
     * <pre>
     * Exchanges a refresh token for a new access token and a new refresh token
     * (rotation). Each refresh token works once: presenting a used one again
     * revokes its whole family (every token descended from the same sign-in).
     * Open: possession of the refresh token is the credential.
     * </pre>
     */
    public void refreshAccessToken(tw.jipan.identity.v1.RefreshAccessTokenRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.RefreshAccessTokenResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRefreshAccessTokenMethod(), responseObserver);
    }

    /**
     * <pre>
     * Revokes a refresh token and its whole family (RFC 7009 style: sign-out).
     * Open: possession of the refresh token is the credential. Revoking an
     * unknown token succeeds, so the call reveals nothing.
     * </pre>
     */
    public void revokeRefreshToken(tw.jipan.identity.v1.RevokeRefreshTokenRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.RevokeRefreshTokenResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRevokeRefreshTokenMethod(), responseObserver);
    }

    /**
     * <pre>
     * Issues an access token to a service account that proves itself with a
     * JWT assertion (RFC 7523 §3): signed EdDSA by one of its registered keys
     * (header `kid`), `iss` and `sub` its name, `aud` identity's issuer, `exp`
     * at most 5 minutes after `iat`, and a `jti` never used before. Open: the
     * assertion is the credential.
     * </pre>
     */
    public void issueServiceAccountToken(tw.jipan.identity.v1.IssueServiceAccountTokenRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.IssueServiceAccountTokenResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getIssueServiceAccountTokenMethod(), responseObserver);
    }

    /**
     * <pre>
     * Exchanges a person's access token, presented by a service account acting
     * for them, for a token meant for another audience with the same or fewer
     * scopes (RFC 8693 style). The caller must be a service account (its own
     * token in `authorization`); the new token's `sub` is the person, its `act`
     * claim names the caller, and it expires no later than the subject token.
     * </pre>
     */
    public void exchangeToken(tw.jipan.identity.v1.ExchangeTokenRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ExchangeTokenResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getExchangeTokenMethod(), responseObserver);
    }

    /**
     * <pre>
     * Issues an app (the calling service account) an access token for the
     * person who granted it a consent: `sub` the person, `consent` the consent's
     * name, `scope` the granted scopes (or fewer), `categories` the granted
     * categories. It expires no later than the consent and lives at most
     * JIPAN_CONSENT_TOKEN_TTL_S. When the consent is revoked its tokens are
     * refused everywhere within the revocation bound (see the service comment);
     * the TTL is the backstop for a server that cannot reach the feed.
     * </pre>
     */
    public void issueConsentToken(tw.jipan.identity.v1.IssueConsentTokenRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.IssueConsentTokenResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getIssueConsentTokenMethod(), responseObserver);
    }

    /**
     * <pre>
     * Tells a protected resource whether an access token is active now (RFC
     * 7662 style): it verifies (signature by a published key, issuer, time),
     * is not revoked (token, consent or session) and, when issued under a
     * consent, the consent is still in force. It reads identity's tables, so it
     * sees a revocation at once, without the feed's polling delay. The caller
     * must be a service account.
     * </pre>
     */
    public void introspectToken(tw.jipan.identity.v1.IntrospectTokenRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.IntrospectTokenResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getIntrospectTokenMethod(), responseObserver);
    }

    /**
     * <pre>
     * Revokes one access token (RFC 7009 style), e.g. at sign-out or when it
     * leaked: every server refuses it with TOKEN_REVOKED within the bound above.
     * Open: possession of the token is the credential. A token that does not
     * verify (not identity's, tampered, already expired) is ignored and the
     * call still succeeds, so it reveals nothing.
     * </pre>
     */
    public void revokeAccessToken(tw.jipan.identity.v1.RevokeAccessTokenRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.RevokeAccessTokenResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRevokeAccessTokenMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the revocation feed in `sequence` order, after `after_sequence`.
     * What every server's revocation list polls: unary polling rather than a
     * stream, so it works through every proxy and load balancer and a replica
     * of identity can answer any poll. A poller keeps the highest `sequence`
     * it has seen and passes it as `after_sequence` next time; a new poller
     * passes 0 and gets every entry not yet expired. Open, like GetKeySet:
     * entries carry digests, never names.
     * </pre>
     */
    public void listRevocations(tw.jipan.identity.v1.ListRevocationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListRevocationsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListRevocationsMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getGetKeySetMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.GetKeySetRequest,
                tw.jipan.identity.v1.GetKeySetResponse>(
                  this, METHODID_GET_KEY_SET)))
          .addMethod(
            getRefreshAccessTokenMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.RefreshAccessTokenRequest,
                tw.jipan.identity.v1.RefreshAccessTokenResponse>(
                  this, METHODID_REFRESH_ACCESS_TOKEN)))
          .addMethod(
            getRevokeRefreshTokenMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.RevokeRefreshTokenRequest,
                tw.jipan.identity.v1.RevokeRefreshTokenResponse>(
                  this, METHODID_REVOKE_REFRESH_TOKEN)))
          .addMethod(
            getIssueServiceAccountTokenMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.IssueServiceAccountTokenRequest,
                tw.jipan.identity.v1.IssueServiceAccountTokenResponse>(
                  this, METHODID_ISSUE_SERVICE_ACCOUNT_TOKEN)))
          .addMethod(
            getExchangeTokenMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.ExchangeTokenRequest,
                tw.jipan.identity.v1.ExchangeTokenResponse>(
                  this, METHODID_EXCHANGE_TOKEN)))
          .addMethod(
            getIssueConsentTokenMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.IssueConsentTokenRequest,
                tw.jipan.identity.v1.IssueConsentTokenResponse>(
                  this, METHODID_ISSUE_CONSENT_TOKEN)))
          .addMethod(
            getIntrospectTokenMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.IntrospectTokenRequest,
                tw.jipan.identity.v1.IntrospectTokenResponse>(
                  this, METHODID_INTROSPECT_TOKEN)))
          .addMethod(
            getRevokeAccessTokenMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.RevokeAccessTokenRequest,
                tw.jipan.identity.v1.RevokeAccessTokenResponse>(
                  this, METHODID_REVOKE_ACCESS_TOKEN)))
          .addMethod(
            getListRevocationsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.identity.v1.ListRevocationsRequest,
                tw.jipan.identity.v1.ListRevocationsResponse>(
                  this, METHODID_LIST_REVOCATIONS)))
          .build();
    }
  }

  /**
   * <pre>
   * Publishes the public keys that identity's access tokens are signed with.
   * Every server in the mesh verifies tokens with this set (configured by
   * JIPAN_IDENTITY_TARGET), caching it and refetching on an unknown `kid`.
   * Revocation: identity keeps a feed of revoked access tokens, consents and
   * sign-in sessions (ListRevocations). Every server polls it every
   * JIPAN_REVOCATION_REFRESH_S seconds (default 2) and refuses a matching token
   * with UNAUTHENTICATED and reason TOKEN_REVOKED or CONSENT_REVOKED (domain
   * common.jipan.tw), cached verifications included. The bound: a revocation
   * takes effect on every server within JIPAN_REVOCATION_REFRESH_S plus one
   * ListRevocations call (at once in the process that runs identity). While a
   * server cannot reach identity it keeps the list it has and logs; a token
   * revoked during such an outage keeps working there until identity is
   * reachable again or the token expires, whichever comes first.
   * </pre>
   */
  public static final class TokenServiceStub extends io.grpc.stub.AbstractAsyncStub<TokenServiceStub> {
    private TokenServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TokenServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TokenServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Returns the keys currently valid for verification: the active signing
     * key and the retired ones still within their overlap window.
     * </pre>
     */
    public void getKeySet(tw.jipan.identity.v1.GetKeySetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.GetKeySetResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetKeySetMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Exchanges a refresh token for a new access token and a new refresh token
     * (rotation). Each refresh token works once: presenting a used one again
     * revokes its whole family (every token descended from the same sign-in).
     * Open: possession of the refresh token is the credential.
     * </pre>
     */
    public void refreshAccessToken(tw.jipan.identity.v1.RefreshAccessTokenRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.RefreshAccessTokenResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRefreshAccessTokenMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Revokes a refresh token and its whole family (RFC 7009 style: sign-out).
     * Open: possession of the refresh token is the credential. Revoking an
     * unknown token succeeds, so the call reveals nothing.
     * </pre>
     */
    public void revokeRefreshToken(tw.jipan.identity.v1.RevokeRefreshTokenRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.RevokeRefreshTokenResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRevokeRefreshTokenMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Issues an access token to a service account that proves itself with a
     * JWT assertion (RFC 7523 §3): signed EdDSA by one of its registered keys
     * (header `kid`), `iss` and `sub` its name, `aud` identity's issuer, `exp`
     * at most 5 minutes after `iat`, and a `jti` never used before. Open: the
     * assertion is the credential.
     * </pre>
     */
    public void issueServiceAccountToken(tw.jipan.identity.v1.IssueServiceAccountTokenRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.IssueServiceAccountTokenResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getIssueServiceAccountTokenMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Exchanges a person's access token, presented by a service account acting
     * for them, for a token meant for another audience with the same or fewer
     * scopes (RFC 8693 style). The caller must be a service account (its own
     * token in `authorization`); the new token's `sub` is the person, its `act`
     * claim names the caller, and it expires no later than the subject token.
     * </pre>
     */
    public void exchangeToken(tw.jipan.identity.v1.ExchangeTokenRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ExchangeTokenResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getExchangeTokenMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Issues an app (the calling service account) an access token for the
     * person who granted it a consent: `sub` the person, `consent` the consent's
     * name, `scope` the granted scopes (or fewer), `categories` the granted
     * categories. It expires no later than the consent and lives at most
     * JIPAN_CONSENT_TOKEN_TTL_S. When the consent is revoked its tokens are
     * refused everywhere within the revocation bound (see the service comment);
     * the TTL is the backstop for a server that cannot reach the feed.
     * </pre>
     */
    public void issueConsentToken(tw.jipan.identity.v1.IssueConsentTokenRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.IssueConsentTokenResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getIssueConsentTokenMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Tells a protected resource whether an access token is active now (RFC
     * 7662 style): it verifies (signature by a published key, issuer, time),
     * is not revoked (token, consent or session) and, when issued under a
     * consent, the consent is still in force. It reads identity's tables, so it
     * sees a revocation at once, without the feed's polling delay. The caller
     * must be a service account.
     * </pre>
     */
    public void introspectToken(tw.jipan.identity.v1.IntrospectTokenRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.IntrospectTokenResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getIntrospectTokenMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Revokes one access token (RFC 7009 style), e.g. at sign-out or when it
     * leaked: every server refuses it with TOKEN_REVOKED within the bound above.
     * Open: possession of the token is the credential. A token that does not
     * verify (not identity's, tampered, already expired) is ignored and the
     * call still succeeds, so it reveals nothing.
     * </pre>
     */
    public void revokeAccessToken(tw.jipan.identity.v1.RevokeAccessTokenRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.RevokeAccessTokenResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRevokeAccessTokenMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the revocation feed in `sequence` order, after `after_sequence`.
     * What every server's revocation list polls: unary polling rather than a
     * stream, so it works through every proxy and load balancer and a replica
     * of identity can answer any poll. A poller keeps the highest `sequence`
     * it has seen and passes it as `after_sequence` next time; a new poller
     * passes 0 and gets every entry not yet expired. Open, like GetKeySet:
     * entries carry digests, never names.
     * </pre>
     */
    public void listRevocations(tw.jipan.identity.v1.ListRevocationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListRevocationsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListRevocationsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Publishes the public keys that identity's access tokens are signed with.
   * Every server in the mesh verifies tokens with this set (configured by
   * JIPAN_IDENTITY_TARGET), caching it and refetching on an unknown `kid`.
   * Revocation: identity keeps a feed of revoked access tokens, consents and
   * sign-in sessions (ListRevocations). Every server polls it every
   * JIPAN_REVOCATION_REFRESH_S seconds (default 2) and refuses a matching token
   * with UNAUTHENTICATED and reason TOKEN_REVOKED or CONSENT_REVOKED (domain
   * common.jipan.tw), cached verifications included. The bound: a revocation
   * takes effect on every server within JIPAN_REVOCATION_REFRESH_S plus one
   * ListRevocations call (at once in the process that runs identity). While a
   * server cannot reach identity it keeps the list it has and logs; a token
   * revoked during such an outage keeps working there until identity is
   * reachable again or the token expires, whichever comes first.
   * </pre>
   */
  public static final class TokenServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<TokenServiceBlockingStub> {
    private TokenServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TokenServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TokenServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Returns the keys currently valid for verification: the active signing
     * key and the retired ones still within their overlap window.
     * </pre>
     */
    public tw.jipan.identity.v1.GetKeySetResponse getKeySet(tw.jipan.identity.v1.GetKeySetRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetKeySetMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Exchanges a refresh token for a new access token and a new refresh token
     * (rotation). Each refresh token works once: presenting a used one again
     * revokes its whole family (every token descended from the same sign-in).
     * Open: possession of the refresh token is the credential.
     * </pre>
     */
    public tw.jipan.identity.v1.RefreshAccessTokenResponse refreshAccessToken(tw.jipan.identity.v1.RefreshAccessTokenRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRefreshAccessTokenMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Revokes a refresh token and its whole family (RFC 7009 style: sign-out).
     * Open: possession of the refresh token is the credential. Revoking an
     * unknown token succeeds, so the call reveals nothing.
     * </pre>
     */
    public tw.jipan.identity.v1.RevokeRefreshTokenResponse revokeRefreshToken(tw.jipan.identity.v1.RevokeRefreshTokenRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRevokeRefreshTokenMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Issues an access token to a service account that proves itself with a
     * JWT assertion (RFC 7523 §3): signed EdDSA by one of its registered keys
     * (header `kid`), `iss` and `sub` its name, `aud` identity's issuer, `exp`
     * at most 5 minutes after `iat`, and a `jti` never used before. Open: the
     * assertion is the credential.
     * </pre>
     */
    public tw.jipan.identity.v1.IssueServiceAccountTokenResponse issueServiceAccountToken(tw.jipan.identity.v1.IssueServiceAccountTokenRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getIssueServiceAccountTokenMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Exchanges a person's access token, presented by a service account acting
     * for them, for a token meant for another audience with the same or fewer
     * scopes (RFC 8693 style). The caller must be a service account (its own
     * token in `authorization`); the new token's `sub` is the person, its `act`
     * claim names the caller, and it expires no later than the subject token.
     * </pre>
     */
    public tw.jipan.identity.v1.ExchangeTokenResponse exchangeToken(tw.jipan.identity.v1.ExchangeTokenRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getExchangeTokenMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Issues an app (the calling service account) an access token for the
     * person who granted it a consent: `sub` the person, `consent` the consent's
     * name, `scope` the granted scopes (or fewer), `categories` the granted
     * categories. It expires no later than the consent and lives at most
     * JIPAN_CONSENT_TOKEN_TTL_S. When the consent is revoked its tokens are
     * refused everywhere within the revocation bound (see the service comment);
     * the TTL is the backstop for a server that cannot reach the feed.
     * </pre>
     */
    public tw.jipan.identity.v1.IssueConsentTokenResponse issueConsentToken(tw.jipan.identity.v1.IssueConsentTokenRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getIssueConsentTokenMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Tells a protected resource whether an access token is active now (RFC
     * 7662 style): it verifies (signature by a published key, issuer, time),
     * is not revoked (token, consent or session) and, when issued under a
     * consent, the consent is still in force. It reads identity's tables, so it
     * sees a revocation at once, without the feed's polling delay. The caller
     * must be a service account.
     * </pre>
     */
    public tw.jipan.identity.v1.IntrospectTokenResponse introspectToken(tw.jipan.identity.v1.IntrospectTokenRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getIntrospectTokenMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Revokes one access token (RFC 7009 style), e.g. at sign-out or when it
     * leaked: every server refuses it with TOKEN_REVOKED within the bound above.
     * Open: possession of the token is the credential. A token that does not
     * verify (not identity's, tampered, already expired) is ignored and the
     * call still succeeds, so it reveals nothing.
     * </pre>
     */
    public tw.jipan.identity.v1.RevokeAccessTokenResponse revokeAccessToken(tw.jipan.identity.v1.RevokeAccessTokenRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRevokeAccessTokenMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the revocation feed in `sequence` order, after `after_sequence`.
     * What every server's revocation list polls: unary polling rather than a
     * stream, so it works through every proxy and load balancer and a replica
     * of identity can answer any poll. A poller keeps the highest `sequence`
     * it has seen and passes it as `after_sequence` next time; a new poller
     * passes 0 and gets every entry not yet expired. Open, like GetKeySet:
     * entries carry digests, never names.
     * </pre>
     */
    public tw.jipan.identity.v1.ListRevocationsResponse listRevocations(tw.jipan.identity.v1.ListRevocationsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListRevocationsMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Publishes the public keys that identity's access tokens are signed with.
   * Every server in the mesh verifies tokens with this set (configured by
   * JIPAN_IDENTITY_TARGET), caching it and refetching on an unknown `kid`.
   * Revocation: identity keeps a feed of revoked access tokens, consents and
   * sign-in sessions (ListRevocations). Every server polls it every
   * JIPAN_REVOCATION_REFRESH_S seconds (default 2) and refuses a matching token
   * with UNAUTHENTICATED and reason TOKEN_REVOKED or CONSENT_REVOKED (domain
   * common.jipan.tw), cached verifications included. The bound: a revocation
   * takes effect on every server within JIPAN_REVOCATION_REFRESH_S plus one
   * ListRevocations call (at once in the process that runs identity). While a
   * server cannot reach identity it keeps the list it has and logs; a token
   * revoked during such an outage keeps working there until identity is
   * reachable again or the token expires, whichever comes first.
   * </pre>
   */
  public static final class TokenServiceFutureStub extends io.grpc.stub.AbstractFutureStub<TokenServiceFutureStub> {
    private TokenServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TokenServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TokenServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Returns the keys currently valid for verification: the active signing
     * key and the retired ones still within their overlap window.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.GetKeySetResponse> getKeySet(
        tw.jipan.identity.v1.GetKeySetRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetKeySetMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Exchanges a refresh token for a new access token and a new refresh token
     * (rotation). Each refresh token works once: presenting a used one again
     * revokes its whole family (every token descended from the same sign-in).
     * Open: possession of the refresh token is the credential.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.RefreshAccessTokenResponse> refreshAccessToken(
        tw.jipan.identity.v1.RefreshAccessTokenRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRefreshAccessTokenMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Revokes a refresh token and its whole family (RFC 7009 style: sign-out).
     * Open: possession of the refresh token is the credential. Revoking an
     * unknown token succeeds, so the call reveals nothing.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.RevokeRefreshTokenResponse> revokeRefreshToken(
        tw.jipan.identity.v1.RevokeRefreshTokenRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRevokeRefreshTokenMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Issues an access token to a service account that proves itself with a
     * JWT assertion (RFC 7523 §3): signed EdDSA by one of its registered keys
     * (header `kid`), `iss` and `sub` its name, `aud` identity's issuer, `exp`
     * at most 5 minutes after `iat`, and a `jti` never used before. Open: the
     * assertion is the credential.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.IssueServiceAccountTokenResponse> issueServiceAccountToken(
        tw.jipan.identity.v1.IssueServiceAccountTokenRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getIssueServiceAccountTokenMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Exchanges a person's access token, presented by a service account acting
     * for them, for a token meant for another audience with the same or fewer
     * scopes (RFC 8693 style). The caller must be a service account (its own
     * token in `authorization`); the new token's `sub` is the person, its `act`
     * claim names the caller, and it expires no later than the subject token.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.ExchangeTokenResponse> exchangeToken(
        tw.jipan.identity.v1.ExchangeTokenRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getExchangeTokenMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Issues an app (the calling service account) an access token for the
     * person who granted it a consent: `sub` the person, `consent` the consent's
     * name, `scope` the granted scopes (or fewer), `categories` the granted
     * categories. It expires no later than the consent and lives at most
     * JIPAN_CONSENT_TOKEN_TTL_S. When the consent is revoked its tokens are
     * refused everywhere within the revocation bound (see the service comment);
     * the TTL is the backstop for a server that cannot reach the feed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.IssueConsentTokenResponse> issueConsentToken(
        tw.jipan.identity.v1.IssueConsentTokenRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getIssueConsentTokenMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Tells a protected resource whether an access token is active now (RFC
     * 7662 style): it verifies (signature by a published key, issuer, time),
     * is not revoked (token, consent or session) and, when issued under a
     * consent, the consent is still in force. It reads identity's tables, so it
     * sees a revocation at once, without the feed's polling delay. The caller
     * must be a service account.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.IntrospectTokenResponse> introspectToken(
        tw.jipan.identity.v1.IntrospectTokenRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getIntrospectTokenMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Revokes one access token (RFC 7009 style), e.g. at sign-out or when it
     * leaked: every server refuses it with TOKEN_REVOKED within the bound above.
     * Open: possession of the token is the credential. A token that does not
     * verify (not identity's, tampered, already expired) is ignored and the
     * call still succeeds, so it reveals nothing.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.RevokeAccessTokenResponse> revokeAccessToken(
        tw.jipan.identity.v1.RevokeAccessTokenRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRevokeAccessTokenMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the revocation feed in `sequence` order, after `after_sequence`.
     * What every server's revocation list polls: unary polling rather than a
     * stream, so it works through every proxy and load balancer and a replica
     * of identity can answer any poll. A poller keeps the highest `sequence`
     * it has seen and passes it as `after_sequence` next time; a new poller
     * passes 0 and gets every entry not yet expired. Open, like GetKeySet:
     * entries carry digests, never names.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.identity.v1.ListRevocationsResponse> listRevocations(
        tw.jipan.identity.v1.ListRevocationsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListRevocationsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_GET_KEY_SET = 0;
  private static final int METHODID_REFRESH_ACCESS_TOKEN = 1;
  private static final int METHODID_REVOKE_REFRESH_TOKEN = 2;
  private static final int METHODID_ISSUE_SERVICE_ACCOUNT_TOKEN = 3;
  private static final int METHODID_EXCHANGE_TOKEN = 4;
  private static final int METHODID_ISSUE_CONSENT_TOKEN = 5;
  private static final int METHODID_INTROSPECT_TOKEN = 6;
  private static final int METHODID_REVOKE_ACCESS_TOKEN = 7;
  private static final int METHODID_LIST_REVOCATIONS = 8;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final TokenServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(TokenServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_GET_KEY_SET:
          serviceImpl.getKeySet((tw.jipan.identity.v1.GetKeySetRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.GetKeySetResponse>) responseObserver);
          break;
        case METHODID_REFRESH_ACCESS_TOKEN:
          serviceImpl.refreshAccessToken((tw.jipan.identity.v1.RefreshAccessTokenRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.RefreshAccessTokenResponse>) responseObserver);
          break;
        case METHODID_REVOKE_REFRESH_TOKEN:
          serviceImpl.revokeRefreshToken((tw.jipan.identity.v1.RevokeRefreshTokenRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.RevokeRefreshTokenResponse>) responseObserver);
          break;
        case METHODID_ISSUE_SERVICE_ACCOUNT_TOKEN:
          serviceImpl.issueServiceAccountToken((tw.jipan.identity.v1.IssueServiceAccountTokenRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.IssueServiceAccountTokenResponse>) responseObserver);
          break;
        case METHODID_EXCHANGE_TOKEN:
          serviceImpl.exchangeToken((tw.jipan.identity.v1.ExchangeTokenRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ExchangeTokenResponse>) responseObserver);
          break;
        case METHODID_ISSUE_CONSENT_TOKEN:
          serviceImpl.issueConsentToken((tw.jipan.identity.v1.IssueConsentTokenRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.IssueConsentTokenResponse>) responseObserver);
          break;
        case METHODID_INTROSPECT_TOKEN:
          serviceImpl.introspectToken((tw.jipan.identity.v1.IntrospectTokenRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.IntrospectTokenResponse>) responseObserver);
          break;
        case METHODID_REVOKE_ACCESS_TOKEN:
          serviceImpl.revokeAccessToken((tw.jipan.identity.v1.RevokeAccessTokenRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.RevokeAccessTokenResponse>) responseObserver);
          break;
        case METHODID_LIST_REVOCATIONS:
          serviceImpl.listRevocations((tw.jipan.identity.v1.ListRevocationsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.identity.v1.ListRevocationsResponse>) responseObserver);
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

  private static abstract class TokenServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    TokenServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.identity.v1.TokenServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("TokenService");
    }
  }

  private static final class TokenServiceFileDescriptorSupplier
      extends TokenServiceBaseDescriptorSupplier {
    TokenServiceFileDescriptorSupplier() {}
  }

  private static final class TokenServiceMethodDescriptorSupplier
      extends TokenServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    TokenServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (TokenServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new TokenServiceFileDescriptorSupplier())
              .addMethod(getGetKeySetMethod())
              .addMethod(getRefreshAccessTokenMethod())
              .addMethod(getRevokeRefreshTokenMethod())
              .addMethod(getIssueServiceAccountTokenMethod())
              .addMethod(getExchangeTokenMethod())
              .addMethod(getIssueConsentTokenMethod())
              .addMethod(getIntrospectTokenMethod())
              .addMethod(getRevokeAccessTokenMethod())
              .addMethod(getListRevocationsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
