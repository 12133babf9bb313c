package tw.jipan.federation.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Agency-to-agency federation between independent meshes (X-Road /
 * T-Road style): peers and their trust bundles, provider approvals, token
 * exchange for a peer's callers, and the signed, hash-chained message log
 * anchored on the ledger. Peers belong to an organisation (the token's
 * `org`); another organisation's peer is NOT_FOUND.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/federation/v1/federation_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class FederationServiceGrpc {

  private FederationServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.federation.v1.FederationService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.federation.v1.GetTrustBundleRequest,
      tw.jipan.federation.v1.GetTrustBundleResponse> getGetTrustBundleMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetTrustBundle",
      requestType = tw.jipan.federation.v1.GetTrustBundleRequest.class,
      responseType = tw.jipan.federation.v1.GetTrustBundleResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.federation.v1.GetTrustBundleRequest,
      tw.jipan.federation.v1.GetTrustBundleResponse> getGetTrustBundleMethod() {
    io.grpc.MethodDescriptor<tw.jipan.federation.v1.GetTrustBundleRequest, tw.jipan.federation.v1.GetTrustBundleResponse> getGetTrustBundleMethod;
    if ((getGetTrustBundleMethod = FederationServiceGrpc.getGetTrustBundleMethod) == null) {
      synchronized (FederationServiceGrpc.class) {
        if ((getGetTrustBundleMethod = FederationServiceGrpc.getGetTrustBundleMethod) == null) {
          FederationServiceGrpc.getGetTrustBundleMethod = getGetTrustBundleMethod =
              io.grpc.MethodDescriptor.<tw.jipan.federation.v1.GetTrustBundleRequest, tw.jipan.federation.v1.GetTrustBundleResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetTrustBundle"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.GetTrustBundleRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.GetTrustBundleResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FederationServiceMethodDescriptorSupplier("GetTrustBundle"))
              .build();
        }
      }
    }
    return getGetTrustBundleMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.federation.v1.CreatePeerRequest,
      tw.jipan.federation.v1.CreatePeerResponse> getCreatePeerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreatePeer",
      requestType = tw.jipan.federation.v1.CreatePeerRequest.class,
      responseType = tw.jipan.federation.v1.CreatePeerResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.federation.v1.CreatePeerRequest,
      tw.jipan.federation.v1.CreatePeerResponse> getCreatePeerMethod() {
    io.grpc.MethodDescriptor<tw.jipan.federation.v1.CreatePeerRequest, tw.jipan.federation.v1.CreatePeerResponse> getCreatePeerMethod;
    if ((getCreatePeerMethod = FederationServiceGrpc.getCreatePeerMethod) == null) {
      synchronized (FederationServiceGrpc.class) {
        if ((getCreatePeerMethod = FederationServiceGrpc.getCreatePeerMethod) == null) {
          FederationServiceGrpc.getCreatePeerMethod = getCreatePeerMethod =
              io.grpc.MethodDescriptor.<tw.jipan.federation.v1.CreatePeerRequest, tw.jipan.federation.v1.CreatePeerResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreatePeer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.CreatePeerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.CreatePeerResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FederationServiceMethodDescriptorSupplier("CreatePeer"))
              .build();
        }
      }
    }
    return getCreatePeerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.federation.v1.GetPeerRequest,
      tw.jipan.federation.v1.GetPeerResponse> getGetPeerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetPeer",
      requestType = tw.jipan.federation.v1.GetPeerRequest.class,
      responseType = tw.jipan.federation.v1.GetPeerResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.federation.v1.GetPeerRequest,
      tw.jipan.federation.v1.GetPeerResponse> getGetPeerMethod() {
    io.grpc.MethodDescriptor<tw.jipan.federation.v1.GetPeerRequest, tw.jipan.federation.v1.GetPeerResponse> getGetPeerMethod;
    if ((getGetPeerMethod = FederationServiceGrpc.getGetPeerMethod) == null) {
      synchronized (FederationServiceGrpc.class) {
        if ((getGetPeerMethod = FederationServiceGrpc.getGetPeerMethod) == null) {
          FederationServiceGrpc.getGetPeerMethod = getGetPeerMethod =
              io.grpc.MethodDescriptor.<tw.jipan.federation.v1.GetPeerRequest, tw.jipan.federation.v1.GetPeerResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetPeer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.GetPeerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.GetPeerResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FederationServiceMethodDescriptorSupplier("GetPeer"))
              .build();
        }
      }
    }
    return getGetPeerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.federation.v1.ListPeersRequest,
      tw.jipan.federation.v1.ListPeersResponse> getListPeersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListPeers",
      requestType = tw.jipan.federation.v1.ListPeersRequest.class,
      responseType = tw.jipan.federation.v1.ListPeersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.federation.v1.ListPeersRequest,
      tw.jipan.federation.v1.ListPeersResponse> getListPeersMethod() {
    io.grpc.MethodDescriptor<tw.jipan.federation.v1.ListPeersRequest, tw.jipan.federation.v1.ListPeersResponse> getListPeersMethod;
    if ((getListPeersMethod = FederationServiceGrpc.getListPeersMethod) == null) {
      synchronized (FederationServiceGrpc.class) {
        if ((getListPeersMethod = FederationServiceGrpc.getListPeersMethod) == null) {
          FederationServiceGrpc.getListPeersMethod = getListPeersMethod =
              io.grpc.MethodDescriptor.<tw.jipan.federation.v1.ListPeersRequest, tw.jipan.federation.v1.ListPeersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListPeers"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.ListPeersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.ListPeersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FederationServiceMethodDescriptorSupplier("ListPeers"))
              .build();
        }
      }
    }
    return getListPeersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.federation.v1.ActivatePeerRequest,
      tw.jipan.federation.v1.ActivatePeerResponse> getActivatePeerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ActivatePeer",
      requestType = tw.jipan.federation.v1.ActivatePeerRequest.class,
      responseType = tw.jipan.federation.v1.ActivatePeerResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.federation.v1.ActivatePeerRequest,
      tw.jipan.federation.v1.ActivatePeerResponse> getActivatePeerMethod() {
    io.grpc.MethodDescriptor<tw.jipan.federation.v1.ActivatePeerRequest, tw.jipan.federation.v1.ActivatePeerResponse> getActivatePeerMethod;
    if ((getActivatePeerMethod = FederationServiceGrpc.getActivatePeerMethod) == null) {
      synchronized (FederationServiceGrpc.class) {
        if ((getActivatePeerMethod = FederationServiceGrpc.getActivatePeerMethod) == null) {
          FederationServiceGrpc.getActivatePeerMethod = getActivatePeerMethod =
              io.grpc.MethodDescriptor.<tw.jipan.federation.v1.ActivatePeerRequest, tw.jipan.federation.v1.ActivatePeerResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ActivatePeer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.ActivatePeerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.ActivatePeerResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FederationServiceMethodDescriptorSupplier("ActivatePeer"))
              .build();
        }
      }
    }
    return getActivatePeerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.federation.v1.SuspendPeerRequest,
      tw.jipan.federation.v1.SuspendPeerResponse> getSuspendPeerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SuspendPeer",
      requestType = tw.jipan.federation.v1.SuspendPeerRequest.class,
      responseType = tw.jipan.federation.v1.SuspendPeerResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.federation.v1.SuspendPeerRequest,
      tw.jipan.federation.v1.SuspendPeerResponse> getSuspendPeerMethod() {
    io.grpc.MethodDescriptor<tw.jipan.federation.v1.SuspendPeerRequest, tw.jipan.federation.v1.SuspendPeerResponse> getSuspendPeerMethod;
    if ((getSuspendPeerMethod = FederationServiceGrpc.getSuspendPeerMethod) == null) {
      synchronized (FederationServiceGrpc.class) {
        if ((getSuspendPeerMethod = FederationServiceGrpc.getSuspendPeerMethod) == null) {
          FederationServiceGrpc.getSuspendPeerMethod = getSuspendPeerMethod =
              io.grpc.MethodDescriptor.<tw.jipan.federation.v1.SuspendPeerRequest, tw.jipan.federation.v1.SuspendPeerResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SuspendPeer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.SuspendPeerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.SuspendPeerResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FederationServiceMethodDescriptorSupplier("SuspendPeer"))
              .build();
        }
      }
    }
    return getSuspendPeerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.federation.v1.RefreshPeerBundleRequest,
      tw.jipan.federation.v1.RefreshPeerBundleResponse> getRefreshPeerBundleMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RefreshPeerBundle",
      requestType = tw.jipan.federation.v1.RefreshPeerBundleRequest.class,
      responseType = tw.jipan.federation.v1.RefreshPeerBundleResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.federation.v1.RefreshPeerBundleRequest,
      tw.jipan.federation.v1.RefreshPeerBundleResponse> getRefreshPeerBundleMethod() {
    io.grpc.MethodDescriptor<tw.jipan.federation.v1.RefreshPeerBundleRequest, tw.jipan.federation.v1.RefreshPeerBundleResponse> getRefreshPeerBundleMethod;
    if ((getRefreshPeerBundleMethod = FederationServiceGrpc.getRefreshPeerBundleMethod) == null) {
      synchronized (FederationServiceGrpc.class) {
        if ((getRefreshPeerBundleMethod = FederationServiceGrpc.getRefreshPeerBundleMethod) == null) {
          FederationServiceGrpc.getRefreshPeerBundleMethod = getRefreshPeerBundleMethod =
              io.grpc.MethodDescriptor.<tw.jipan.federation.v1.RefreshPeerBundleRequest, tw.jipan.federation.v1.RefreshPeerBundleResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RefreshPeerBundle"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.RefreshPeerBundleRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.RefreshPeerBundleResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FederationServiceMethodDescriptorSupplier("RefreshPeerBundle"))
              .build();
        }
      }
    }
    return getRefreshPeerBundleMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.federation.v1.CreateApprovalRequest,
      tw.jipan.federation.v1.CreateApprovalResponse> getCreateApprovalMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateApproval",
      requestType = tw.jipan.federation.v1.CreateApprovalRequest.class,
      responseType = tw.jipan.federation.v1.CreateApprovalResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.federation.v1.CreateApprovalRequest,
      tw.jipan.federation.v1.CreateApprovalResponse> getCreateApprovalMethod() {
    io.grpc.MethodDescriptor<tw.jipan.federation.v1.CreateApprovalRequest, tw.jipan.federation.v1.CreateApprovalResponse> getCreateApprovalMethod;
    if ((getCreateApprovalMethod = FederationServiceGrpc.getCreateApprovalMethod) == null) {
      synchronized (FederationServiceGrpc.class) {
        if ((getCreateApprovalMethod = FederationServiceGrpc.getCreateApprovalMethod) == null) {
          FederationServiceGrpc.getCreateApprovalMethod = getCreateApprovalMethod =
              io.grpc.MethodDescriptor.<tw.jipan.federation.v1.CreateApprovalRequest, tw.jipan.federation.v1.CreateApprovalResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateApproval"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.CreateApprovalRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.CreateApprovalResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FederationServiceMethodDescriptorSupplier("CreateApproval"))
              .build();
        }
      }
    }
    return getCreateApprovalMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.federation.v1.ListApprovalsRequest,
      tw.jipan.federation.v1.ListApprovalsResponse> getListApprovalsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListApprovals",
      requestType = tw.jipan.federation.v1.ListApprovalsRequest.class,
      responseType = tw.jipan.federation.v1.ListApprovalsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.federation.v1.ListApprovalsRequest,
      tw.jipan.federation.v1.ListApprovalsResponse> getListApprovalsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.federation.v1.ListApprovalsRequest, tw.jipan.federation.v1.ListApprovalsResponse> getListApprovalsMethod;
    if ((getListApprovalsMethod = FederationServiceGrpc.getListApprovalsMethod) == null) {
      synchronized (FederationServiceGrpc.class) {
        if ((getListApprovalsMethod = FederationServiceGrpc.getListApprovalsMethod) == null) {
          FederationServiceGrpc.getListApprovalsMethod = getListApprovalsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.federation.v1.ListApprovalsRequest, tw.jipan.federation.v1.ListApprovalsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListApprovals"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.ListApprovalsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.ListApprovalsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FederationServiceMethodDescriptorSupplier("ListApprovals"))
              .build();
        }
      }
    }
    return getListApprovalsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.federation.v1.DeleteApprovalRequest,
      tw.jipan.federation.v1.DeleteApprovalResponse> getDeleteApprovalMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteApproval",
      requestType = tw.jipan.federation.v1.DeleteApprovalRequest.class,
      responseType = tw.jipan.federation.v1.DeleteApprovalResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.federation.v1.DeleteApprovalRequest,
      tw.jipan.federation.v1.DeleteApprovalResponse> getDeleteApprovalMethod() {
    io.grpc.MethodDescriptor<tw.jipan.federation.v1.DeleteApprovalRequest, tw.jipan.federation.v1.DeleteApprovalResponse> getDeleteApprovalMethod;
    if ((getDeleteApprovalMethod = FederationServiceGrpc.getDeleteApprovalMethod) == null) {
      synchronized (FederationServiceGrpc.class) {
        if ((getDeleteApprovalMethod = FederationServiceGrpc.getDeleteApprovalMethod) == null) {
          FederationServiceGrpc.getDeleteApprovalMethod = getDeleteApprovalMethod =
              io.grpc.MethodDescriptor.<tw.jipan.federation.v1.DeleteApprovalRequest, tw.jipan.federation.v1.DeleteApprovalResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteApproval"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.DeleteApprovalRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.DeleteApprovalResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FederationServiceMethodDescriptorSupplier("DeleteApproval"))
              .build();
        }
      }
    }
    return getDeleteApprovalMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.federation.v1.ExchangePeerTokenRequest,
      tw.jipan.federation.v1.ExchangePeerTokenResponse> getExchangePeerTokenMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ExchangePeerToken",
      requestType = tw.jipan.federation.v1.ExchangePeerTokenRequest.class,
      responseType = tw.jipan.federation.v1.ExchangePeerTokenResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.federation.v1.ExchangePeerTokenRequest,
      tw.jipan.federation.v1.ExchangePeerTokenResponse> getExchangePeerTokenMethod() {
    io.grpc.MethodDescriptor<tw.jipan.federation.v1.ExchangePeerTokenRequest, tw.jipan.federation.v1.ExchangePeerTokenResponse> getExchangePeerTokenMethod;
    if ((getExchangePeerTokenMethod = FederationServiceGrpc.getExchangePeerTokenMethod) == null) {
      synchronized (FederationServiceGrpc.class) {
        if ((getExchangePeerTokenMethod = FederationServiceGrpc.getExchangePeerTokenMethod) == null) {
          FederationServiceGrpc.getExchangePeerTokenMethod = getExchangePeerTokenMethod =
              io.grpc.MethodDescriptor.<tw.jipan.federation.v1.ExchangePeerTokenRequest, tw.jipan.federation.v1.ExchangePeerTokenResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ExchangePeerToken"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.ExchangePeerTokenRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.ExchangePeerTokenResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FederationServiceMethodDescriptorSupplier("ExchangePeerToken"))
              .build();
        }
      }
    }
    return getExchangePeerTokenMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.federation.v1.ListOfferedMethodsRequest,
      tw.jipan.federation.v1.ListOfferedMethodsResponse> getListOfferedMethodsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListOfferedMethods",
      requestType = tw.jipan.federation.v1.ListOfferedMethodsRequest.class,
      responseType = tw.jipan.federation.v1.ListOfferedMethodsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.federation.v1.ListOfferedMethodsRequest,
      tw.jipan.federation.v1.ListOfferedMethodsResponse> getListOfferedMethodsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.federation.v1.ListOfferedMethodsRequest, tw.jipan.federation.v1.ListOfferedMethodsResponse> getListOfferedMethodsMethod;
    if ((getListOfferedMethodsMethod = FederationServiceGrpc.getListOfferedMethodsMethod) == null) {
      synchronized (FederationServiceGrpc.class) {
        if ((getListOfferedMethodsMethod = FederationServiceGrpc.getListOfferedMethodsMethod) == null) {
          FederationServiceGrpc.getListOfferedMethodsMethod = getListOfferedMethodsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.federation.v1.ListOfferedMethodsRequest, tw.jipan.federation.v1.ListOfferedMethodsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListOfferedMethods"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.ListOfferedMethodsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.ListOfferedMethodsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FederationServiceMethodDescriptorSupplier("ListOfferedMethods"))
              .build();
        }
      }
    }
    return getListOfferedMethodsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.federation.v1.RecordExchangeRequest,
      tw.jipan.federation.v1.RecordExchangeResponse> getRecordExchangeMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RecordExchange",
      requestType = tw.jipan.federation.v1.RecordExchangeRequest.class,
      responseType = tw.jipan.federation.v1.RecordExchangeResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.federation.v1.RecordExchangeRequest,
      tw.jipan.federation.v1.RecordExchangeResponse> getRecordExchangeMethod() {
    io.grpc.MethodDescriptor<tw.jipan.federation.v1.RecordExchangeRequest, tw.jipan.federation.v1.RecordExchangeResponse> getRecordExchangeMethod;
    if ((getRecordExchangeMethod = FederationServiceGrpc.getRecordExchangeMethod) == null) {
      synchronized (FederationServiceGrpc.class) {
        if ((getRecordExchangeMethod = FederationServiceGrpc.getRecordExchangeMethod) == null) {
          FederationServiceGrpc.getRecordExchangeMethod = getRecordExchangeMethod =
              io.grpc.MethodDescriptor.<tw.jipan.federation.v1.RecordExchangeRequest, tw.jipan.federation.v1.RecordExchangeResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RecordExchange"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.RecordExchangeRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.RecordExchangeResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FederationServiceMethodDescriptorSupplier("RecordExchange"))
              .build();
        }
      }
    }
    return getRecordExchangeMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.federation.v1.ListLogEntriesRequest,
      tw.jipan.federation.v1.ListLogEntriesResponse> getListLogEntriesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListLogEntries",
      requestType = tw.jipan.federation.v1.ListLogEntriesRequest.class,
      responseType = tw.jipan.federation.v1.ListLogEntriesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.federation.v1.ListLogEntriesRequest,
      tw.jipan.federation.v1.ListLogEntriesResponse> getListLogEntriesMethod() {
    io.grpc.MethodDescriptor<tw.jipan.federation.v1.ListLogEntriesRequest, tw.jipan.federation.v1.ListLogEntriesResponse> getListLogEntriesMethod;
    if ((getListLogEntriesMethod = FederationServiceGrpc.getListLogEntriesMethod) == null) {
      synchronized (FederationServiceGrpc.class) {
        if ((getListLogEntriesMethod = FederationServiceGrpc.getListLogEntriesMethod) == null) {
          FederationServiceGrpc.getListLogEntriesMethod = getListLogEntriesMethod =
              io.grpc.MethodDescriptor.<tw.jipan.federation.v1.ListLogEntriesRequest, tw.jipan.federation.v1.ListLogEntriesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListLogEntries"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.ListLogEntriesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.ListLogEntriesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FederationServiceMethodDescriptorSupplier("ListLogEntries"))
              .build();
        }
      }
    }
    return getListLogEntriesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.federation.v1.VerifyExchangeRequest,
      tw.jipan.federation.v1.VerifyExchangeResponse> getVerifyExchangeMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "VerifyExchange",
      requestType = tw.jipan.federation.v1.VerifyExchangeRequest.class,
      responseType = tw.jipan.federation.v1.VerifyExchangeResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.federation.v1.VerifyExchangeRequest,
      tw.jipan.federation.v1.VerifyExchangeResponse> getVerifyExchangeMethod() {
    io.grpc.MethodDescriptor<tw.jipan.federation.v1.VerifyExchangeRequest, tw.jipan.federation.v1.VerifyExchangeResponse> getVerifyExchangeMethod;
    if ((getVerifyExchangeMethod = FederationServiceGrpc.getVerifyExchangeMethod) == null) {
      synchronized (FederationServiceGrpc.class) {
        if ((getVerifyExchangeMethod = FederationServiceGrpc.getVerifyExchangeMethod) == null) {
          FederationServiceGrpc.getVerifyExchangeMethod = getVerifyExchangeMethod =
              io.grpc.MethodDescriptor.<tw.jipan.federation.v1.VerifyExchangeRequest, tw.jipan.federation.v1.VerifyExchangeResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "VerifyExchange"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.VerifyExchangeRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.federation.v1.VerifyExchangeResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FederationServiceMethodDescriptorSupplier("VerifyExchange"))
              .build();
        }
      }
    }
    return getVerifyExchangeMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static FederationServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<FederationServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<FederationServiceStub>() {
        @java.lang.Override
        public FederationServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new FederationServiceStub(channel, callOptions);
        }
      };
    return FederationServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static FederationServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<FederationServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<FederationServiceBlockingStub>() {
        @java.lang.Override
        public FederationServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new FederationServiceBlockingStub(channel, callOptions);
        }
      };
    return FederationServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static FederationServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<FederationServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<FederationServiceFutureStub>() {
        @java.lang.Override
        public FederationServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new FederationServiceFutureStub(channel, callOptions);
        }
      };
    return FederationServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Agency-to-agency federation between independent meshes (X-Road /
   * T-Road style): peers and their trust bundles, provider approvals, token
   * exchange for a peer's callers, and the signed, hash-chained message log
   * anchored on the ledger. Peers belong to an organisation (the token's
   * `org`); another organisation's peer is NOT_FOUND.
   * </pre>
   */
  public static abstract class FederationServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Returns this mesh's trust bundle: the bundle endpoint peers fetch and
     * refresh (open: a peer has no token this mesh trusts before it trusts the
     * bundle; the first contact is pinned by fingerprint instead).
     * </pre>
     */
    public void getTrustBundle(tw.jipan.federation.v1.GetTrustBundleRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.GetTrustBundleResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetTrustBundleMethod(), responseObserver);
    }

    /**
     * <pre>
     * Registers a peer: fetches its bundle from `bundle_endpoint`, checks
     * that it names the given issuer and audience, pins its fingerprint and
     * leaves the peer PENDING until ActivatePeer confirms the fingerprint.
     * </pre>
     */
    public void createPeer(tw.jipan.federation.v1.CreatePeerRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.CreatePeerResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreatePeerMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one peer of the caller's organisation.
     * </pre>
     */
    public void getPeer(tw.jipan.federation.v1.GetPeerRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.GetPeerResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetPeerMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the peers of the caller's organisation, oldest first.
     * </pre>
     */
    public void listPeers(tw.jipan.federation.v1.ListPeersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.ListPeersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListPeersMethod(), responseObserver);
    }

    /**
     * <pre>
     * Activates a PENDING or SUSPENDED peer: the fingerprint given must be the
     * one pinned at first contact (confirmed out of band).
     * </pre>
     */
    public void activatePeer(tw.jipan.federation.v1.ActivatePeerRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.ActivatePeerResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getActivatePeerMethod(), responseObserver);
    }

    /**
     * <pre>
     * Suspends a peer: its tokens are no longer exchanged, and every token
     * already exchanged for it is revoked through the revocation feed, so
     * every server of the mesh refuses it within the feed's refresh interval.
     * </pre>
     */
    public void suspendPeer(tw.jipan.federation.v1.SuspendPeerRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.SuspendPeerResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSuspendPeerMethod(), responseObserver);
    }

    /**
     * <pre>
     * Fetches the peer's bundle now (it is also refreshed in the background at
     * its refresh hint). When the endpoint cannot be reached the last good
     * bundle stays in use until it expires, and the peer says so
     * (`bundle_stale`).
     * </pre>
     */
    public void refreshPeerBundle(tw.jipan.federation.v1.RefreshPeerBundleRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.RefreshPeerBundleResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRefreshPeerBundleMethod(), responseObserver);
    }

    /**
     * <pre>
     * Approves a caller of the peer for methods of this mesh.
     * </pre>
     */
    public void createApproval(tw.jipan.federation.v1.CreateApprovalRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.CreateApprovalResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateApprovalMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a peer's approvals, oldest first.
     * </pre>
     */
    public void listApprovals(tw.jipan.federation.v1.ListApprovalsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.ListApprovalsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListApprovalsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Withdraws an approval: tokens exchanged under it are revoked on every
     * server within the revocation feed's refresh interval.
     * </pre>
     */
    public void deleteApproval(tw.jipan.federation.v1.DeleteApprovalRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.DeleteApprovalResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteApprovalMethod(), responseObserver);
    }

    /**
     * <pre>
     * RFC 8693 token exchange for a peer's caller: the subject token, issued
     * by an ACTIVE peer's identity for this mesh's audience, is verified with
     * the peer's bundle and exchanged for a short-lived token of this mesh
     * (`act` names the peer's caller, `fed` the approved methods) that every
     * server of this mesh accepts for exactly the approved methods. Open:
     * the subject token is the credential.
     * </pre>
     */
    public void exchangePeerToken(tw.jipan.federation.v1.ExchangePeerTokenRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.ExchangePeerTokenResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getExchangePeerTokenMethod(), responseObserver);
    }

    /**
     * <pre>
     * Discovery: the methods this mesh offers to the caller. For a federated
     * token, the methods it was approved for; for a member of this mesh, every
     * method its organisation approved for any peer.
     * </pre>
     */
    public void listOfferedMethods(tw.jipan.federation.v1.ListOfferedMethodsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.ListOfferedMethodsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListOfferedMethodsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Records, on the consumer side, a call this mesh's caller made to the
     * peer: the caller (A's workload or its egress) reports the method, its
     * `x-request-id` and the SHA-256 digests of what it sent and received;
     * this mesh signs the entry with its own log key, chains it under the peer
     * and anchors it on its own ledger. With the provider's entry for the
     * same request id, both sides hold signed evidence of the exchange.
     * </pre>
     */
    public void recordExchange(tw.jipan.federation.v1.RecordExchangeRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.RecordExchangeResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRecordExchangeMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a peer's message log, in chain order.
     * </pre>
     */
    public void listLogEntries(tw.jipan.federation.v1.ListLogEntriesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.ListLogEntriesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListLogEntriesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Proves one message log entry: its signature under this mesh's log key,
     * its link to the previous entry, and its inclusion (RFC 6962 audit path)
     * in an anchor batch whose Merkle root the ledger holds.
     * </pre>
     */
    public void verifyExchange(tw.jipan.federation.v1.VerifyExchangeRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.VerifyExchangeResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getVerifyExchangeMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getGetTrustBundleMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.federation.v1.GetTrustBundleRequest,
                tw.jipan.federation.v1.GetTrustBundleResponse>(
                  this, METHODID_GET_TRUST_BUNDLE)))
          .addMethod(
            getCreatePeerMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.federation.v1.CreatePeerRequest,
                tw.jipan.federation.v1.CreatePeerResponse>(
                  this, METHODID_CREATE_PEER)))
          .addMethod(
            getGetPeerMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.federation.v1.GetPeerRequest,
                tw.jipan.federation.v1.GetPeerResponse>(
                  this, METHODID_GET_PEER)))
          .addMethod(
            getListPeersMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.federation.v1.ListPeersRequest,
                tw.jipan.federation.v1.ListPeersResponse>(
                  this, METHODID_LIST_PEERS)))
          .addMethod(
            getActivatePeerMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.federation.v1.ActivatePeerRequest,
                tw.jipan.federation.v1.ActivatePeerResponse>(
                  this, METHODID_ACTIVATE_PEER)))
          .addMethod(
            getSuspendPeerMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.federation.v1.SuspendPeerRequest,
                tw.jipan.federation.v1.SuspendPeerResponse>(
                  this, METHODID_SUSPEND_PEER)))
          .addMethod(
            getRefreshPeerBundleMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.federation.v1.RefreshPeerBundleRequest,
                tw.jipan.federation.v1.RefreshPeerBundleResponse>(
                  this, METHODID_REFRESH_PEER_BUNDLE)))
          .addMethod(
            getCreateApprovalMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.federation.v1.CreateApprovalRequest,
                tw.jipan.federation.v1.CreateApprovalResponse>(
                  this, METHODID_CREATE_APPROVAL)))
          .addMethod(
            getListApprovalsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.federation.v1.ListApprovalsRequest,
                tw.jipan.federation.v1.ListApprovalsResponse>(
                  this, METHODID_LIST_APPROVALS)))
          .addMethod(
            getDeleteApprovalMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.federation.v1.DeleteApprovalRequest,
                tw.jipan.federation.v1.DeleteApprovalResponse>(
                  this, METHODID_DELETE_APPROVAL)))
          .addMethod(
            getExchangePeerTokenMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.federation.v1.ExchangePeerTokenRequest,
                tw.jipan.federation.v1.ExchangePeerTokenResponse>(
                  this, METHODID_EXCHANGE_PEER_TOKEN)))
          .addMethod(
            getListOfferedMethodsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.federation.v1.ListOfferedMethodsRequest,
                tw.jipan.federation.v1.ListOfferedMethodsResponse>(
                  this, METHODID_LIST_OFFERED_METHODS)))
          .addMethod(
            getRecordExchangeMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.federation.v1.RecordExchangeRequest,
                tw.jipan.federation.v1.RecordExchangeResponse>(
                  this, METHODID_RECORD_EXCHANGE)))
          .addMethod(
            getListLogEntriesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.federation.v1.ListLogEntriesRequest,
                tw.jipan.federation.v1.ListLogEntriesResponse>(
                  this, METHODID_LIST_LOG_ENTRIES)))
          .addMethod(
            getVerifyExchangeMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.federation.v1.VerifyExchangeRequest,
                tw.jipan.federation.v1.VerifyExchangeResponse>(
                  this, METHODID_VERIFY_EXCHANGE)))
          .build();
    }
  }

  /**
   * <pre>
   * Agency-to-agency federation between independent meshes (X-Road /
   * T-Road style): peers and their trust bundles, provider approvals, token
   * exchange for a peer's callers, and the signed, hash-chained message log
   * anchored on the ledger. Peers belong to an organisation (the token's
   * `org`); another organisation's peer is NOT_FOUND.
   * </pre>
   */
  public static final class FederationServiceStub extends io.grpc.stub.AbstractAsyncStub<FederationServiceStub> {
    private FederationServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected FederationServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new FederationServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Returns this mesh's trust bundle: the bundle endpoint peers fetch and
     * refresh (open: a peer has no token this mesh trusts before it trusts the
     * bundle; the first contact is pinned by fingerprint instead).
     * </pre>
     */
    public void getTrustBundle(tw.jipan.federation.v1.GetTrustBundleRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.GetTrustBundleResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetTrustBundleMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Registers a peer: fetches its bundle from `bundle_endpoint`, checks
     * that it names the given issuer and audience, pins its fingerprint and
     * leaves the peer PENDING until ActivatePeer confirms the fingerprint.
     * </pre>
     */
    public void createPeer(tw.jipan.federation.v1.CreatePeerRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.CreatePeerResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreatePeerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one peer of the caller's organisation.
     * </pre>
     */
    public void getPeer(tw.jipan.federation.v1.GetPeerRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.GetPeerResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetPeerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the peers of the caller's organisation, oldest first.
     * </pre>
     */
    public void listPeers(tw.jipan.federation.v1.ListPeersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.ListPeersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListPeersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Activates a PENDING or SUSPENDED peer: the fingerprint given must be the
     * one pinned at first contact (confirmed out of band).
     * </pre>
     */
    public void activatePeer(tw.jipan.federation.v1.ActivatePeerRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.ActivatePeerResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getActivatePeerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Suspends a peer: its tokens are no longer exchanged, and every token
     * already exchanged for it is revoked through the revocation feed, so
     * every server of the mesh refuses it within the feed's refresh interval.
     * </pre>
     */
    public void suspendPeer(tw.jipan.federation.v1.SuspendPeerRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.SuspendPeerResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSuspendPeerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Fetches the peer's bundle now (it is also refreshed in the background at
     * its refresh hint). When the endpoint cannot be reached the last good
     * bundle stays in use until it expires, and the peer says so
     * (`bundle_stale`).
     * </pre>
     */
    public void refreshPeerBundle(tw.jipan.federation.v1.RefreshPeerBundleRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.RefreshPeerBundleResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRefreshPeerBundleMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Approves a caller of the peer for methods of this mesh.
     * </pre>
     */
    public void createApproval(tw.jipan.federation.v1.CreateApprovalRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.CreateApprovalResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateApprovalMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a peer's approvals, oldest first.
     * </pre>
     */
    public void listApprovals(tw.jipan.federation.v1.ListApprovalsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.ListApprovalsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListApprovalsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Withdraws an approval: tokens exchanged under it are revoked on every
     * server within the revocation feed's refresh interval.
     * </pre>
     */
    public void deleteApproval(tw.jipan.federation.v1.DeleteApprovalRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.DeleteApprovalResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteApprovalMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * RFC 8693 token exchange for a peer's caller: the subject token, issued
     * by an ACTIVE peer's identity for this mesh's audience, is verified with
     * the peer's bundle and exchanged for a short-lived token of this mesh
     * (`act` names the peer's caller, `fed` the approved methods) that every
     * server of this mesh accepts for exactly the approved methods. Open:
     * the subject token is the credential.
     * </pre>
     */
    public void exchangePeerToken(tw.jipan.federation.v1.ExchangePeerTokenRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.ExchangePeerTokenResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getExchangePeerTokenMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Discovery: the methods this mesh offers to the caller. For a federated
     * token, the methods it was approved for; for a member of this mesh, every
     * method its organisation approved for any peer.
     * </pre>
     */
    public void listOfferedMethods(tw.jipan.federation.v1.ListOfferedMethodsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.ListOfferedMethodsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListOfferedMethodsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Records, on the consumer side, a call this mesh's caller made to the
     * peer: the caller (A's workload or its egress) reports the method, its
     * `x-request-id` and the SHA-256 digests of what it sent and received;
     * this mesh signs the entry with its own log key, chains it under the peer
     * and anchors it on its own ledger. With the provider's entry for the
     * same request id, both sides hold signed evidence of the exchange.
     * </pre>
     */
    public void recordExchange(tw.jipan.federation.v1.RecordExchangeRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.RecordExchangeResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRecordExchangeMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a peer's message log, in chain order.
     * </pre>
     */
    public void listLogEntries(tw.jipan.federation.v1.ListLogEntriesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.ListLogEntriesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListLogEntriesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Proves one message log entry: its signature under this mesh's log key,
     * its link to the previous entry, and its inclusion (RFC 6962 audit path)
     * in an anchor batch whose Merkle root the ledger holds.
     * </pre>
     */
    public void verifyExchange(tw.jipan.federation.v1.VerifyExchangeRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.federation.v1.VerifyExchangeResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getVerifyExchangeMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Agency-to-agency federation between independent meshes (X-Road /
   * T-Road style): peers and their trust bundles, provider approvals, token
   * exchange for a peer's callers, and the signed, hash-chained message log
   * anchored on the ledger. Peers belong to an organisation (the token's
   * `org`); another organisation's peer is NOT_FOUND.
   * </pre>
   */
  public static final class FederationServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<FederationServiceBlockingStub> {
    private FederationServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected FederationServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new FederationServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Returns this mesh's trust bundle: the bundle endpoint peers fetch and
     * refresh (open: a peer has no token this mesh trusts before it trusts the
     * bundle; the first contact is pinned by fingerprint instead).
     * </pre>
     */
    public tw.jipan.federation.v1.GetTrustBundleResponse getTrustBundle(tw.jipan.federation.v1.GetTrustBundleRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetTrustBundleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Registers a peer: fetches its bundle from `bundle_endpoint`, checks
     * that it names the given issuer and audience, pins its fingerprint and
     * leaves the peer PENDING until ActivatePeer confirms the fingerprint.
     * </pre>
     */
    public tw.jipan.federation.v1.CreatePeerResponse createPeer(tw.jipan.federation.v1.CreatePeerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreatePeerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one peer of the caller's organisation.
     * </pre>
     */
    public tw.jipan.federation.v1.GetPeerResponse getPeer(tw.jipan.federation.v1.GetPeerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetPeerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the peers of the caller's organisation, oldest first.
     * </pre>
     */
    public tw.jipan.federation.v1.ListPeersResponse listPeers(tw.jipan.federation.v1.ListPeersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListPeersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Activates a PENDING or SUSPENDED peer: the fingerprint given must be the
     * one pinned at first contact (confirmed out of band).
     * </pre>
     */
    public tw.jipan.federation.v1.ActivatePeerResponse activatePeer(tw.jipan.federation.v1.ActivatePeerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getActivatePeerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Suspends a peer: its tokens are no longer exchanged, and every token
     * already exchanged for it is revoked through the revocation feed, so
     * every server of the mesh refuses it within the feed's refresh interval.
     * </pre>
     */
    public tw.jipan.federation.v1.SuspendPeerResponse suspendPeer(tw.jipan.federation.v1.SuspendPeerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSuspendPeerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Fetches the peer's bundle now (it is also refreshed in the background at
     * its refresh hint). When the endpoint cannot be reached the last good
     * bundle stays in use until it expires, and the peer says so
     * (`bundle_stale`).
     * </pre>
     */
    public tw.jipan.federation.v1.RefreshPeerBundleResponse refreshPeerBundle(tw.jipan.federation.v1.RefreshPeerBundleRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRefreshPeerBundleMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Approves a caller of the peer for methods of this mesh.
     * </pre>
     */
    public tw.jipan.federation.v1.CreateApprovalResponse createApproval(tw.jipan.federation.v1.CreateApprovalRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateApprovalMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a peer's approvals, oldest first.
     * </pre>
     */
    public tw.jipan.federation.v1.ListApprovalsResponse listApprovals(tw.jipan.federation.v1.ListApprovalsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListApprovalsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Withdraws an approval: tokens exchanged under it are revoked on every
     * server within the revocation feed's refresh interval.
     * </pre>
     */
    public tw.jipan.federation.v1.DeleteApprovalResponse deleteApproval(tw.jipan.federation.v1.DeleteApprovalRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteApprovalMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * RFC 8693 token exchange for a peer's caller: the subject token, issued
     * by an ACTIVE peer's identity for this mesh's audience, is verified with
     * the peer's bundle and exchanged for a short-lived token of this mesh
     * (`act` names the peer's caller, `fed` the approved methods) that every
     * server of this mesh accepts for exactly the approved methods. Open:
     * the subject token is the credential.
     * </pre>
     */
    public tw.jipan.federation.v1.ExchangePeerTokenResponse exchangePeerToken(tw.jipan.federation.v1.ExchangePeerTokenRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getExchangePeerTokenMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Discovery: the methods this mesh offers to the caller. For a federated
     * token, the methods it was approved for; for a member of this mesh, every
     * method its organisation approved for any peer.
     * </pre>
     */
    public tw.jipan.federation.v1.ListOfferedMethodsResponse listOfferedMethods(tw.jipan.federation.v1.ListOfferedMethodsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListOfferedMethodsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Records, on the consumer side, a call this mesh's caller made to the
     * peer: the caller (A's workload or its egress) reports the method, its
     * `x-request-id` and the SHA-256 digests of what it sent and received;
     * this mesh signs the entry with its own log key, chains it under the peer
     * and anchors it on its own ledger. With the provider's entry for the
     * same request id, both sides hold signed evidence of the exchange.
     * </pre>
     */
    public tw.jipan.federation.v1.RecordExchangeResponse recordExchange(tw.jipan.federation.v1.RecordExchangeRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRecordExchangeMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a peer's message log, in chain order.
     * </pre>
     */
    public tw.jipan.federation.v1.ListLogEntriesResponse listLogEntries(tw.jipan.federation.v1.ListLogEntriesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListLogEntriesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Proves one message log entry: its signature under this mesh's log key,
     * its link to the previous entry, and its inclusion (RFC 6962 audit path)
     * in an anchor batch whose Merkle root the ledger holds.
     * </pre>
     */
    public tw.jipan.federation.v1.VerifyExchangeResponse verifyExchange(tw.jipan.federation.v1.VerifyExchangeRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getVerifyExchangeMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Agency-to-agency federation between independent meshes (X-Road /
   * T-Road style): peers and their trust bundles, provider approvals, token
   * exchange for a peer's callers, and the signed, hash-chained message log
   * anchored on the ledger. Peers belong to an organisation (the token's
   * `org`); another organisation's peer is NOT_FOUND.
   * </pre>
   */
  public static final class FederationServiceFutureStub extends io.grpc.stub.AbstractFutureStub<FederationServiceFutureStub> {
    private FederationServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected FederationServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new FederationServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Returns this mesh's trust bundle: the bundle endpoint peers fetch and
     * refresh (open: a peer has no token this mesh trusts before it trusts the
     * bundle; the first contact is pinned by fingerprint instead).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.federation.v1.GetTrustBundleResponse> getTrustBundle(
        tw.jipan.federation.v1.GetTrustBundleRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetTrustBundleMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Registers a peer: fetches its bundle from `bundle_endpoint`, checks
     * that it names the given issuer and audience, pins its fingerprint and
     * leaves the peer PENDING until ActivatePeer confirms the fingerprint.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.federation.v1.CreatePeerResponse> createPeer(
        tw.jipan.federation.v1.CreatePeerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreatePeerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one peer of the caller's organisation.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.federation.v1.GetPeerResponse> getPeer(
        tw.jipan.federation.v1.GetPeerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetPeerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the peers of the caller's organisation, oldest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.federation.v1.ListPeersResponse> listPeers(
        tw.jipan.federation.v1.ListPeersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListPeersMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Activates a PENDING or SUSPENDED peer: the fingerprint given must be the
     * one pinned at first contact (confirmed out of band).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.federation.v1.ActivatePeerResponse> activatePeer(
        tw.jipan.federation.v1.ActivatePeerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getActivatePeerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Suspends a peer: its tokens are no longer exchanged, and every token
     * already exchanged for it is revoked through the revocation feed, so
     * every server of the mesh refuses it within the feed's refresh interval.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.federation.v1.SuspendPeerResponse> suspendPeer(
        tw.jipan.federation.v1.SuspendPeerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSuspendPeerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Fetches the peer's bundle now (it is also refreshed in the background at
     * its refresh hint). When the endpoint cannot be reached the last good
     * bundle stays in use until it expires, and the peer says so
     * (`bundle_stale`).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.federation.v1.RefreshPeerBundleResponse> refreshPeerBundle(
        tw.jipan.federation.v1.RefreshPeerBundleRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRefreshPeerBundleMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Approves a caller of the peer for methods of this mesh.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.federation.v1.CreateApprovalResponse> createApproval(
        tw.jipan.federation.v1.CreateApprovalRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateApprovalMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a peer's approvals, oldest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.federation.v1.ListApprovalsResponse> listApprovals(
        tw.jipan.federation.v1.ListApprovalsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListApprovalsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Withdraws an approval: tokens exchanged under it are revoked on every
     * server within the revocation feed's refresh interval.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.federation.v1.DeleteApprovalResponse> deleteApproval(
        tw.jipan.federation.v1.DeleteApprovalRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteApprovalMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * RFC 8693 token exchange for a peer's caller: the subject token, issued
     * by an ACTIVE peer's identity for this mesh's audience, is verified with
     * the peer's bundle and exchanged for a short-lived token of this mesh
     * (`act` names the peer's caller, `fed` the approved methods) that every
     * server of this mesh accepts for exactly the approved methods. Open:
     * the subject token is the credential.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.federation.v1.ExchangePeerTokenResponse> exchangePeerToken(
        tw.jipan.federation.v1.ExchangePeerTokenRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getExchangePeerTokenMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Discovery: the methods this mesh offers to the caller. For a federated
     * token, the methods it was approved for; for a member of this mesh, every
     * method its organisation approved for any peer.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.federation.v1.ListOfferedMethodsResponse> listOfferedMethods(
        tw.jipan.federation.v1.ListOfferedMethodsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListOfferedMethodsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Records, on the consumer side, a call this mesh's caller made to the
     * peer: the caller (A's workload or its egress) reports the method, its
     * `x-request-id` and the SHA-256 digests of what it sent and received;
     * this mesh signs the entry with its own log key, chains it under the peer
     * and anchors it on its own ledger. With the provider's entry for the
     * same request id, both sides hold signed evidence of the exchange.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.federation.v1.RecordExchangeResponse> recordExchange(
        tw.jipan.federation.v1.RecordExchangeRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRecordExchangeMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a peer's message log, in chain order.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.federation.v1.ListLogEntriesResponse> listLogEntries(
        tw.jipan.federation.v1.ListLogEntriesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListLogEntriesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Proves one message log entry: its signature under this mesh's log key,
     * its link to the previous entry, and its inclusion (RFC 6962 audit path)
     * in an anchor batch whose Merkle root the ledger holds.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.federation.v1.VerifyExchangeResponse> verifyExchange(
        tw.jipan.federation.v1.VerifyExchangeRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getVerifyExchangeMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_GET_TRUST_BUNDLE = 0;
  private static final int METHODID_CREATE_PEER = 1;
  private static final int METHODID_GET_PEER = 2;
  private static final int METHODID_LIST_PEERS = 3;
  private static final int METHODID_ACTIVATE_PEER = 4;
  private static final int METHODID_SUSPEND_PEER = 5;
  private static final int METHODID_REFRESH_PEER_BUNDLE = 6;
  private static final int METHODID_CREATE_APPROVAL = 7;
  private static final int METHODID_LIST_APPROVALS = 8;
  private static final int METHODID_DELETE_APPROVAL = 9;
  private static final int METHODID_EXCHANGE_PEER_TOKEN = 10;
  private static final int METHODID_LIST_OFFERED_METHODS = 11;
  private static final int METHODID_RECORD_EXCHANGE = 12;
  private static final int METHODID_LIST_LOG_ENTRIES = 13;
  private static final int METHODID_VERIFY_EXCHANGE = 14;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final FederationServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(FederationServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_GET_TRUST_BUNDLE:
          serviceImpl.getTrustBundle((tw.jipan.federation.v1.GetTrustBundleRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.federation.v1.GetTrustBundleResponse>) responseObserver);
          break;
        case METHODID_CREATE_PEER:
          serviceImpl.createPeer((tw.jipan.federation.v1.CreatePeerRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.federation.v1.CreatePeerResponse>) responseObserver);
          break;
        case METHODID_GET_PEER:
          serviceImpl.getPeer((tw.jipan.federation.v1.GetPeerRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.federation.v1.GetPeerResponse>) responseObserver);
          break;
        case METHODID_LIST_PEERS:
          serviceImpl.listPeers((tw.jipan.federation.v1.ListPeersRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.federation.v1.ListPeersResponse>) responseObserver);
          break;
        case METHODID_ACTIVATE_PEER:
          serviceImpl.activatePeer((tw.jipan.federation.v1.ActivatePeerRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.federation.v1.ActivatePeerResponse>) responseObserver);
          break;
        case METHODID_SUSPEND_PEER:
          serviceImpl.suspendPeer((tw.jipan.federation.v1.SuspendPeerRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.federation.v1.SuspendPeerResponse>) responseObserver);
          break;
        case METHODID_REFRESH_PEER_BUNDLE:
          serviceImpl.refreshPeerBundle((tw.jipan.federation.v1.RefreshPeerBundleRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.federation.v1.RefreshPeerBundleResponse>) responseObserver);
          break;
        case METHODID_CREATE_APPROVAL:
          serviceImpl.createApproval((tw.jipan.federation.v1.CreateApprovalRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.federation.v1.CreateApprovalResponse>) responseObserver);
          break;
        case METHODID_LIST_APPROVALS:
          serviceImpl.listApprovals((tw.jipan.federation.v1.ListApprovalsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.federation.v1.ListApprovalsResponse>) responseObserver);
          break;
        case METHODID_DELETE_APPROVAL:
          serviceImpl.deleteApproval((tw.jipan.federation.v1.DeleteApprovalRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.federation.v1.DeleteApprovalResponse>) responseObserver);
          break;
        case METHODID_EXCHANGE_PEER_TOKEN:
          serviceImpl.exchangePeerToken((tw.jipan.federation.v1.ExchangePeerTokenRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.federation.v1.ExchangePeerTokenResponse>) responseObserver);
          break;
        case METHODID_LIST_OFFERED_METHODS:
          serviceImpl.listOfferedMethods((tw.jipan.federation.v1.ListOfferedMethodsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.federation.v1.ListOfferedMethodsResponse>) responseObserver);
          break;
        case METHODID_RECORD_EXCHANGE:
          serviceImpl.recordExchange((tw.jipan.federation.v1.RecordExchangeRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.federation.v1.RecordExchangeResponse>) responseObserver);
          break;
        case METHODID_LIST_LOG_ENTRIES:
          serviceImpl.listLogEntries((tw.jipan.federation.v1.ListLogEntriesRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.federation.v1.ListLogEntriesResponse>) responseObserver);
          break;
        case METHODID_VERIFY_EXCHANGE:
          serviceImpl.verifyExchange((tw.jipan.federation.v1.VerifyExchangeRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.federation.v1.VerifyExchangeResponse>) responseObserver);
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

  private static abstract class FederationServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    FederationServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.federation.v1.FederationServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("FederationService");
    }
  }

  private static final class FederationServiceFileDescriptorSupplier
      extends FederationServiceBaseDescriptorSupplier {
    FederationServiceFileDescriptorSupplier() {}
  }

  private static final class FederationServiceMethodDescriptorSupplier
      extends FederationServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    FederationServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (FederationServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new FederationServiceFileDescriptorSupplier())
              .addMethod(getGetTrustBundleMethod())
              .addMethod(getCreatePeerMethod())
              .addMethod(getGetPeerMethod())
              .addMethod(getListPeersMethod())
              .addMethod(getActivatePeerMethod())
              .addMethod(getSuspendPeerMethod())
              .addMethod(getRefreshPeerBundleMethod())
              .addMethod(getCreateApprovalMethod())
              .addMethod(getListApprovalsMethod())
              .addMethod(getDeleteApprovalMethod())
              .addMethod(getExchangePeerTokenMethod())
              .addMethod(getListOfferedMethodsMethod())
              .addMethod(getRecordExchangeMethod())
              .addMethod(getListLogEntriesMethod())
              .addMethod(getVerifyExchangeMethod())
              .build();
        }
      }
    }
    return result;
  }
}
