package tw.jipan.market.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Co-Lab spaces: agencies and vendors co-develop with members from several
 * organisations in roles, an activity feed, documents in the object store and
 * decisions anchored on the ledger. Only members see a space.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/market/v1/space_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class SpaceServiceGrpc {

  private SpaceServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.market.v1.SpaceService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateSpaceRequest,
      tw.jipan.market.v1.CreateSpaceResponse> getCreateSpaceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateSpace",
      requestType = tw.jipan.market.v1.CreateSpaceRequest.class,
      responseType = tw.jipan.market.v1.CreateSpaceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateSpaceRequest,
      tw.jipan.market.v1.CreateSpaceResponse> getCreateSpaceMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateSpaceRequest, tw.jipan.market.v1.CreateSpaceResponse> getCreateSpaceMethod;
    if ((getCreateSpaceMethod = SpaceServiceGrpc.getCreateSpaceMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getCreateSpaceMethod = SpaceServiceGrpc.getCreateSpaceMethod) == null) {
          SpaceServiceGrpc.getCreateSpaceMethod = getCreateSpaceMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.CreateSpaceRequest, tw.jipan.market.v1.CreateSpaceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateSpace"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateSpaceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateSpaceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("CreateSpace"))
              .build();
        }
      }
    }
    return getCreateSpaceMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.GetSpaceRequest,
      tw.jipan.market.v1.GetSpaceResponse> getGetSpaceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetSpace",
      requestType = tw.jipan.market.v1.GetSpaceRequest.class,
      responseType = tw.jipan.market.v1.GetSpaceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.GetSpaceRequest,
      tw.jipan.market.v1.GetSpaceResponse> getGetSpaceMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.GetSpaceRequest, tw.jipan.market.v1.GetSpaceResponse> getGetSpaceMethod;
    if ((getGetSpaceMethod = SpaceServiceGrpc.getGetSpaceMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getGetSpaceMethod = SpaceServiceGrpc.getGetSpaceMethod) == null) {
          SpaceServiceGrpc.getGetSpaceMethod = getGetSpaceMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.GetSpaceRequest, tw.jipan.market.v1.GetSpaceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetSpace"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetSpaceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetSpaceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("GetSpace"))
              .build();
        }
      }
    }
    return getGetSpaceMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpacesRequest,
      tw.jipan.market.v1.ListSpacesResponse> getListSpacesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSpaces",
      requestType = tw.jipan.market.v1.ListSpacesRequest.class,
      responseType = tw.jipan.market.v1.ListSpacesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpacesRequest,
      tw.jipan.market.v1.ListSpacesResponse> getListSpacesMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpacesRequest, tw.jipan.market.v1.ListSpacesResponse> getListSpacesMethod;
    if ((getListSpacesMethod = SpaceServiceGrpc.getListSpacesMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getListSpacesMethod = SpaceServiceGrpc.getListSpacesMethod) == null) {
          SpaceServiceGrpc.getListSpacesMethod = getListSpacesMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListSpacesRequest, tw.jipan.market.v1.ListSpacesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSpaces"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListSpacesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListSpacesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("ListSpaces"))
              .build();
        }
      }
    }
    return getListSpacesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.UpdateSpaceMembersRequest,
      tw.jipan.market.v1.UpdateSpaceMembersResponse> getUpdateSpaceMembersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateSpaceMembers",
      requestType = tw.jipan.market.v1.UpdateSpaceMembersRequest.class,
      responseType = tw.jipan.market.v1.UpdateSpaceMembersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.UpdateSpaceMembersRequest,
      tw.jipan.market.v1.UpdateSpaceMembersResponse> getUpdateSpaceMembersMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.UpdateSpaceMembersRequest, tw.jipan.market.v1.UpdateSpaceMembersResponse> getUpdateSpaceMembersMethod;
    if ((getUpdateSpaceMembersMethod = SpaceServiceGrpc.getUpdateSpaceMembersMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getUpdateSpaceMembersMethod = SpaceServiceGrpc.getUpdateSpaceMembersMethod) == null) {
          SpaceServiceGrpc.getUpdateSpaceMembersMethod = getUpdateSpaceMembersMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.UpdateSpaceMembersRequest, tw.jipan.market.v1.UpdateSpaceMembersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateSpaceMembers"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.UpdateSpaceMembersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.UpdateSpaceMembersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("UpdateSpaceMembers"))
              .build();
        }
      }
    }
    return getUpdateSpaceMembersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpaceActivitiesRequest,
      tw.jipan.market.v1.ListSpaceActivitiesResponse> getListSpaceActivitiesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSpaceActivities",
      requestType = tw.jipan.market.v1.ListSpaceActivitiesRequest.class,
      responseType = tw.jipan.market.v1.ListSpaceActivitiesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpaceActivitiesRequest,
      tw.jipan.market.v1.ListSpaceActivitiesResponse> getListSpaceActivitiesMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpaceActivitiesRequest, tw.jipan.market.v1.ListSpaceActivitiesResponse> getListSpaceActivitiesMethod;
    if ((getListSpaceActivitiesMethod = SpaceServiceGrpc.getListSpaceActivitiesMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getListSpaceActivitiesMethod = SpaceServiceGrpc.getListSpaceActivitiesMethod) == null) {
          SpaceServiceGrpc.getListSpaceActivitiesMethod = getListSpaceActivitiesMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListSpaceActivitiesRequest, tw.jipan.market.v1.ListSpaceActivitiesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSpaceActivities"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListSpaceActivitiesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListSpaceActivitiesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("ListSpaceActivities"))
              .build();
        }
      }
    }
    return getListSpaceActivitiesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpaceInvitationsRequest,
      tw.jipan.market.v1.ListSpaceInvitationsResponse> getListSpaceInvitationsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSpaceInvitations",
      requestType = tw.jipan.market.v1.ListSpaceInvitationsRequest.class,
      responseType = tw.jipan.market.v1.ListSpaceInvitationsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpaceInvitationsRequest,
      tw.jipan.market.v1.ListSpaceInvitationsResponse> getListSpaceInvitationsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpaceInvitationsRequest, tw.jipan.market.v1.ListSpaceInvitationsResponse> getListSpaceInvitationsMethod;
    if ((getListSpaceInvitationsMethod = SpaceServiceGrpc.getListSpaceInvitationsMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getListSpaceInvitationsMethod = SpaceServiceGrpc.getListSpaceInvitationsMethod) == null) {
          SpaceServiceGrpc.getListSpaceInvitationsMethod = getListSpaceInvitationsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListSpaceInvitationsRequest, tw.jipan.market.v1.ListSpaceInvitationsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSpaceInvitations"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListSpaceInvitationsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListSpaceInvitationsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("ListSpaceInvitations"))
              .build();
        }
      }
    }
    return getListSpaceInvitationsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.AcceptSpaceInvitationRequest,
      tw.jipan.market.v1.AcceptSpaceInvitationResponse> getAcceptSpaceInvitationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AcceptSpaceInvitation",
      requestType = tw.jipan.market.v1.AcceptSpaceInvitationRequest.class,
      responseType = tw.jipan.market.v1.AcceptSpaceInvitationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.AcceptSpaceInvitationRequest,
      tw.jipan.market.v1.AcceptSpaceInvitationResponse> getAcceptSpaceInvitationMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.AcceptSpaceInvitationRequest, tw.jipan.market.v1.AcceptSpaceInvitationResponse> getAcceptSpaceInvitationMethod;
    if ((getAcceptSpaceInvitationMethod = SpaceServiceGrpc.getAcceptSpaceInvitationMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getAcceptSpaceInvitationMethod = SpaceServiceGrpc.getAcceptSpaceInvitationMethod) == null) {
          SpaceServiceGrpc.getAcceptSpaceInvitationMethod = getAcceptSpaceInvitationMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.AcceptSpaceInvitationRequest, tw.jipan.market.v1.AcceptSpaceInvitationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AcceptSpaceInvitation"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.AcceptSpaceInvitationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.AcceptSpaceInvitationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("AcceptSpaceInvitation"))
              .build();
        }
      }
    }
    return getAcceptSpaceInvitationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.DeclineSpaceInvitationRequest,
      tw.jipan.market.v1.DeclineSpaceInvitationResponse> getDeclineSpaceInvitationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeclineSpaceInvitation",
      requestType = tw.jipan.market.v1.DeclineSpaceInvitationRequest.class,
      responseType = tw.jipan.market.v1.DeclineSpaceInvitationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.DeclineSpaceInvitationRequest,
      tw.jipan.market.v1.DeclineSpaceInvitationResponse> getDeclineSpaceInvitationMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.DeclineSpaceInvitationRequest, tw.jipan.market.v1.DeclineSpaceInvitationResponse> getDeclineSpaceInvitationMethod;
    if ((getDeclineSpaceInvitationMethod = SpaceServiceGrpc.getDeclineSpaceInvitationMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getDeclineSpaceInvitationMethod = SpaceServiceGrpc.getDeclineSpaceInvitationMethod) == null) {
          SpaceServiceGrpc.getDeclineSpaceInvitationMethod = getDeclineSpaceInvitationMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.DeclineSpaceInvitationRequest, tw.jipan.market.v1.DeclineSpaceInvitationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeclineSpaceInvitation"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.DeclineSpaceInvitationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.DeclineSpaceInvitationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("DeclineSpaceInvitation"))
              .build();
        }
      }
    }
    return getDeclineSpaceInvitationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateSpaceDocumentRequest,
      tw.jipan.market.v1.CreateSpaceDocumentResponse> getCreateSpaceDocumentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateSpaceDocument",
      requestType = tw.jipan.market.v1.CreateSpaceDocumentRequest.class,
      responseType = tw.jipan.market.v1.CreateSpaceDocumentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.CLIENT_STREAMING)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateSpaceDocumentRequest,
      tw.jipan.market.v1.CreateSpaceDocumentResponse> getCreateSpaceDocumentMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateSpaceDocumentRequest, tw.jipan.market.v1.CreateSpaceDocumentResponse> getCreateSpaceDocumentMethod;
    if ((getCreateSpaceDocumentMethod = SpaceServiceGrpc.getCreateSpaceDocumentMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getCreateSpaceDocumentMethod = SpaceServiceGrpc.getCreateSpaceDocumentMethod) == null) {
          SpaceServiceGrpc.getCreateSpaceDocumentMethod = getCreateSpaceDocumentMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.CreateSpaceDocumentRequest, tw.jipan.market.v1.CreateSpaceDocumentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.CLIENT_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateSpaceDocument"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateSpaceDocumentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateSpaceDocumentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("CreateSpaceDocument"))
              .build();
        }
      }
    }
    return getCreateSpaceDocumentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpaceDocumentsRequest,
      tw.jipan.market.v1.ListSpaceDocumentsResponse> getListSpaceDocumentsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSpaceDocuments",
      requestType = tw.jipan.market.v1.ListSpaceDocumentsRequest.class,
      responseType = tw.jipan.market.v1.ListSpaceDocumentsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpaceDocumentsRequest,
      tw.jipan.market.v1.ListSpaceDocumentsResponse> getListSpaceDocumentsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListSpaceDocumentsRequest, tw.jipan.market.v1.ListSpaceDocumentsResponse> getListSpaceDocumentsMethod;
    if ((getListSpaceDocumentsMethod = SpaceServiceGrpc.getListSpaceDocumentsMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getListSpaceDocumentsMethod = SpaceServiceGrpc.getListSpaceDocumentsMethod) == null) {
          SpaceServiceGrpc.getListSpaceDocumentsMethod = getListSpaceDocumentsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListSpaceDocumentsRequest, tw.jipan.market.v1.ListSpaceDocumentsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSpaceDocuments"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListSpaceDocumentsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListSpaceDocumentsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("ListSpaceDocuments"))
              .build();
        }
      }
    }
    return getListSpaceDocumentsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.DownloadSpaceDocumentRequest,
      tw.jipan.market.v1.DownloadSpaceDocumentResponse> getDownloadSpaceDocumentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DownloadSpaceDocument",
      requestType = tw.jipan.market.v1.DownloadSpaceDocumentRequest.class,
      responseType = tw.jipan.market.v1.DownloadSpaceDocumentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.DownloadSpaceDocumentRequest,
      tw.jipan.market.v1.DownloadSpaceDocumentResponse> getDownloadSpaceDocumentMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.DownloadSpaceDocumentRequest, tw.jipan.market.v1.DownloadSpaceDocumentResponse> getDownloadSpaceDocumentMethod;
    if ((getDownloadSpaceDocumentMethod = SpaceServiceGrpc.getDownloadSpaceDocumentMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getDownloadSpaceDocumentMethod = SpaceServiceGrpc.getDownloadSpaceDocumentMethod) == null) {
          SpaceServiceGrpc.getDownloadSpaceDocumentMethod = getDownloadSpaceDocumentMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.DownloadSpaceDocumentRequest, tw.jipan.market.v1.DownloadSpaceDocumentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DownloadSpaceDocument"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.DownloadSpaceDocumentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.DownloadSpaceDocumentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("DownloadSpaceDocument"))
              .build();
        }
      }
    }
    return getDownloadSpaceDocumentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateDecisionRequest,
      tw.jipan.market.v1.CreateDecisionResponse> getCreateDecisionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateDecision",
      requestType = tw.jipan.market.v1.CreateDecisionRequest.class,
      responseType = tw.jipan.market.v1.CreateDecisionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateDecisionRequest,
      tw.jipan.market.v1.CreateDecisionResponse> getCreateDecisionMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.CreateDecisionRequest, tw.jipan.market.v1.CreateDecisionResponse> getCreateDecisionMethod;
    if ((getCreateDecisionMethod = SpaceServiceGrpc.getCreateDecisionMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getCreateDecisionMethod = SpaceServiceGrpc.getCreateDecisionMethod) == null) {
          SpaceServiceGrpc.getCreateDecisionMethod = getCreateDecisionMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.CreateDecisionRequest, tw.jipan.market.v1.CreateDecisionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateDecision"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateDecisionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.CreateDecisionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("CreateDecision"))
              .build();
        }
      }
    }
    return getCreateDecisionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListDecisionsRequest,
      tw.jipan.market.v1.ListDecisionsResponse> getListDecisionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListDecisions",
      requestType = tw.jipan.market.v1.ListDecisionsRequest.class,
      responseType = tw.jipan.market.v1.ListDecisionsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListDecisionsRequest,
      tw.jipan.market.v1.ListDecisionsResponse> getListDecisionsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListDecisionsRequest, tw.jipan.market.v1.ListDecisionsResponse> getListDecisionsMethod;
    if ((getListDecisionsMethod = SpaceServiceGrpc.getListDecisionsMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getListDecisionsMethod = SpaceServiceGrpc.getListDecisionsMethod) == null) {
          SpaceServiceGrpc.getListDecisionsMethod = getListDecisionsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListDecisionsRequest, tw.jipan.market.v1.ListDecisionsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListDecisions"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListDecisionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListDecisionsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("ListDecisions"))
              .build();
        }
      }
    }
    return getListDecisionsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.VerifyDecisionRequest,
      tw.jipan.market.v1.VerifyDecisionResponse> getVerifyDecisionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "VerifyDecision",
      requestType = tw.jipan.market.v1.VerifyDecisionRequest.class,
      responseType = tw.jipan.market.v1.VerifyDecisionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.VerifyDecisionRequest,
      tw.jipan.market.v1.VerifyDecisionResponse> getVerifyDecisionMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.VerifyDecisionRequest, tw.jipan.market.v1.VerifyDecisionResponse> getVerifyDecisionMethod;
    if ((getVerifyDecisionMethod = SpaceServiceGrpc.getVerifyDecisionMethod) == null) {
      synchronized (SpaceServiceGrpc.class) {
        if ((getVerifyDecisionMethod = SpaceServiceGrpc.getVerifyDecisionMethod) == null) {
          SpaceServiceGrpc.getVerifyDecisionMethod = getVerifyDecisionMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.VerifyDecisionRequest, tw.jipan.market.v1.VerifyDecisionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "VerifyDecision"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.VerifyDecisionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.VerifyDecisionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SpaceServiceMethodDescriptorSupplier("VerifyDecision"))
              .build();
        }
      }
    }
    return getVerifyDecisionMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static SpaceServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SpaceServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SpaceServiceStub>() {
        @java.lang.Override
        public SpaceServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SpaceServiceStub(channel, callOptions);
        }
      };
    return SpaceServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static SpaceServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SpaceServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SpaceServiceBlockingStub>() {
        @java.lang.Override
        public SpaceServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SpaceServiceBlockingStub(channel, callOptions);
        }
      };
    return SpaceServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static SpaceServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SpaceServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SpaceServiceFutureStub>() {
        @java.lang.Override
        public SpaceServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SpaceServiceFutureStub(channel, callOptions);
        }
      };
    return SpaceServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Co-Lab spaces: agencies and vendors co-develop with members from several
   * organisations in roles, an activity feed, documents in the object store and
   * decisions anchored on the ledger. Only members see a space.
   * </pre>
   */
  public static abstract class SpaceServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Creates a space; the caller's organisation is its owner.
     * </pre>
     */
    public void createSpace(tw.jipan.market.v1.CreateSpaceRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateSpaceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateSpaceMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns a space the caller's organisation is a member of.
     * </pre>
     */
    public void getSpace(tw.jipan.market.v1.GetSpaceRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetSpaceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetSpaceMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the spaces the caller's organisation is a member of.
     * </pre>
     */
    public void listSpaces(tw.jipan.market.v1.ListSpacesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpacesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSpacesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Sets members' roles (SPACE_ROLE_UNSPECIFIED removes one); owners only.
     * </pre>
     */
    public void updateSpaceMembers(tw.jipan.market.v1.UpdateSpaceMembersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.UpdateSpaceMembersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateSpaceMembersMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a space's activity feed, newest first.
     * </pre>
     */
    public void listSpaceActivities(tw.jipan.market.v1.ListSpaceActivitiesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpaceActivitiesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSpaceActivitiesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the invitations to the caller's organisation that it has not
     * answered yet.
     * </pre>
     */
    public void listSpaceInvitations(tw.jipan.market.v1.ListSpaceInvitationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpaceInvitationsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSpaceInvitationsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Accepts an invitation of the caller's organisation: it becomes a member
     * with the invited role.
     * </pre>
     */
    public void acceptSpaceInvitation(tw.jipan.market.v1.AcceptSpaceInvitationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.AcceptSpaceInvitationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAcceptSpaceInvitationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Declines an invitation of the caller's organisation.
     * </pre>
     */
    public void declineSpaceInvitation(tw.jipan.market.v1.DeclineSpaceInvitationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.DeclineSpaceInvitationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeclineSpaceInvitationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Adds a document, streamed: a header, then the content in chunks; it is
     * kept in the object store with its SHA-256. Contributors and above.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateSpaceDocumentRequest> createSpaceDocument(
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateSpaceDocumentResponse> responseObserver) {
      return io.grpc.stub.ServerCalls.asyncUnimplementedStreamingCall(getCreateSpaceDocumentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a space's documents.
     * </pre>
     */
    public void listSpaceDocuments(tw.jipan.market.v1.ListSpaceDocumentsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpaceDocumentsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSpaceDocumentsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Streams a document's content; any member.
     * </pre>
     */
    public void downloadSpaceDocument(tw.jipan.market.v1.DownloadSpaceDocumentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.DownloadSpaceDocumentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDownloadSpaceDocumentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Records a decision and anchors its digest on the ledger; maintainers and
     * owners.
     * </pre>
     */
    public void createDecision(tw.jipan.market.v1.CreateDecisionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateDecisionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateDecisionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a space's decisions, newest first.
     * </pre>
     */
    public void listDecisions(tw.jipan.market.v1.ListDecisionsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListDecisionsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListDecisionsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Recomputes a decision's digest from what is stored and asks the ledger
     * whether that digest is anchored: a changed record or a missing anchor
     * answers `verified: false`.
     * </pre>
     */
    public void verifyDecision(tw.jipan.market.v1.VerifyDecisionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.VerifyDecisionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getVerifyDecisionMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateSpaceMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.CreateSpaceRequest,
                tw.jipan.market.v1.CreateSpaceResponse>(
                  this, METHODID_CREATE_SPACE)))
          .addMethod(
            getGetSpaceMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.GetSpaceRequest,
                tw.jipan.market.v1.GetSpaceResponse>(
                  this, METHODID_GET_SPACE)))
          .addMethod(
            getListSpacesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListSpacesRequest,
                tw.jipan.market.v1.ListSpacesResponse>(
                  this, METHODID_LIST_SPACES)))
          .addMethod(
            getUpdateSpaceMembersMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.UpdateSpaceMembersRequest,
                tw.jipan.market.v1.UpdateSpaceMembersResponse>(
                  this, METHODID_UPDATE_SPACE_MEMBERS)))
          .addMethod(
            getListSpaceActivitiesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListSpaceActivitiesRequest,
                tw.jipan.market.v1.ListSpaceActivitiesResponse>(
                  this, METHODID_LIST_SPACE_ACTIVITIES)))
          .addMethod(
            getListSpaceInvitationsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListSpaceInvitationsRequest,
                tw.jipan.market.v1.ListSpaceInvitationsResponse>(
                  this, METHODID_LIST_SPACE_INVITATIONS)))
          .addMethod(
            getAcceptSpaceInvitationMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.AcceptSpaceInvitationRequest,
                tw.jipan.market.v1.AcceptSpaceInvitationResponse>(
                  this, METHODID_ACCEPT_SPACE_INVITATION)))
          .addMethod(
            getDeclineSpaceInvitationMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.DeclineSpaceInvitationRequest,
                tw.jipan.market.v1.DeclineSpaceInvitationResponse>(
                  this, METHODID_DECLINE_SPACE_INVITATION)))
          .addMethod(
            getCreateSpaceDocumentMethod(),
            io.grpc.stub.ServerCalls.asyncClientStreamingCall(
              new MethodHandlers<
                tw.jipan.market.v1.CreateSpaceDocumentRequest,
                tw.jipan.market.v1.CreateSpaceDocumentResponse>(
                  this, METHODID_CREATE_SPACE_DOCUMENT)))
          .addMethod(
            getListSpaceDocumentsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListSpaceDocumentsRequest,
                tw.jipan.market.v1.ListSpaceDocumentsResponse>(
                  this, METHODID_LIST_SPACE_DOCUMENTS)))
          .addMethod(
            getDownloadSpaceDocumentMethod(),
            io.grpc.stub.ServerCalls.asyncServerStreamingCall(
              new MethodHandlers<
                tw.jipan.market.v1.DownloadSpaceDocumentRequest,
                tw.jipan.market.v1.DownloadSpaceDocumentResponse>(
                  this, METHODID_DOWNLOAD_SPACE_DOCUMENT)))
          .addMethod(
            getCreateDecisionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.CreateDecisionRequest,
                tw.jipan.market.v1.CreateDecisionResponse>(
                  this, METHODID_CREATE_DECISION)))
          .addMethod(
            getListDecisionsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListDecisionsRequest,
                tw.jipan.market.v1.ListDecisionsResponse>(
                  this, METHODID_LIST_DECISIONS)))
          .addMethod(
            getVerifyDecisionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.VerifyDecisionRequest,
                tw.jipan.market.v1.VerifyDecisionResponse>(
                  this, METHODID_VERIFY_DECISION)))
          .build();
    }
  }

  /**
   * <pre>
   * Co-Lab spaces: agencies and vendors co-develop with members from several
   * organisations in roles, an activity feed, documents in the object store and
   * decisions anchored on the ledger. Only members see a space.
   * </pre>
   */
  public static final class SpaceServiceStub extends io.grpc.stub.AbstractAsyncStub<SpaceServiceStub> {
    private SpaceServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SpaceServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SpaceServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a space; the caller's organisation is its owner.
     * </pre>
     */
    public void createSpace(tw.jipan.market.v1.CreateSpaceRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateSpaceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateSpaceMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns a space the caller's organisation is a member of.
     * </pre>
     */
    public void getSpace(tw.jipan.market.v1.GetSpaceRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetSpaceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetSpaceMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the spaces the caller's organisation is a member of.
     * </pre>
     */
    public void listSpaces(tw.jipan.market.v1.ListSpacesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpacesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSpacesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Sets members' roles (SPACE_ROLE_UNSPECIFIED removes one); owners only.
     * </pre>
     */
    public void updateSpaceMembers(tw.jipan.market.v1.UpdateSpaceMembersRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.UpdateSpaceMembersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateSpaceMembersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a space's activity feed, newest first.
     * </pre>
     */
    public void listSpaceActivities(tw.jipan.market.v1.ListSpaceActivitiesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpaceActivitiesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSpaceActivitiesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the invitations to the caller's organisation that it has not
     * answered yet.
     * </pre>
     */
    public void listSpaceInvitations(tw.jipan.market.v1.ListSpaceInvitationsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpaceInvitationsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSpaceInvitationsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Accepts an invitation of the caller's organisation: it becomes a member
     * with the invited role.
     * </pre>
     */
    public void acceptSpaceInvitation(tw.jipan.market.v1.AcceptSpaceInvitationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.AcceptSpaceInvitationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAcceptSpaceInvitationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Declines an invitation of the caller's organisation.
     * </pre>
     */
    public void declineSpaceInvitation(tw.jipan.market.v1.DeclineSpaceInvitationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.DeclineSpaceInvitationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeclineSpaceInvitationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Adds a document, streamed: a header, then the content in chunks; it is
     * kept in the object store with its SHA-256. Contributors and above.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateSpaceDocumentRequest> createSpaceDocument(
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateSpaceDocumentResponse> responseObserver) {
      return io.grpc.stub.ClientCalls.asyncClientStreamingCall(
          getChannel().newCall(getCreateSpaceDocumentMethod(), getCallOptions()), responseObserver);
    }

    /**
     * <pre>
     * Lists a space's documents.
     * </pre>
     */
    public void listSpaceDocuments(tw.jipan.market.v1.ListSpaceDocumentsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpaceDocumentsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSpaceDocumentsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Streams a document's content; any member.
     * </pre>
     */
    public void downloadSpaceDocument(tw.jipan.market.v1.DownloadSpaceDocumentRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.DownloadSpaceDocumentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getDownloadSpaceDocumentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Records a decision and anchors its digest on the ledger; maintainers and
     * owners.
     * </pre>
     */
    public void createDecision(tw.jipan.market.v1.CreateDecisionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateDecisionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateDecisionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a space's decisions, newest first.
     * </pre>
     */
    public void listDecisions(tw.jipan.market.v1.ListDecisionsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListDecisionsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListDecisionsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Recomputes a decision's digest from what is stored and asks the ledger
     * whether that digest is anchored: a changed record or a missing anchor
     * answers `verified: false`.
     * </pre>
     */
    public void verifyDecision(tw.jipan.market.v1.VerifyDecisionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.VerifyDecisionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getVerifyDecisionMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * Co-Lab spaces: agencies and vendors co-develop with members from several
   * organisations in roles, an activity feed, documents in the object store and
   * decisions anchored on the ledger. Only members see a space.
   * </pre>
   */
  public static final class SpaceServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<SpaceServiceBlockingStub> {
    private SpaceServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SpaceServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SpaceServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a space; the caller's organisation is its owner.
     * </pre>
     */
    public tw.jipan.market.v1.CreateSpaceResponse createSpace(tw.jipan.market.v1.CreateSpaceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateSpaceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns a space the caller's organisation is a member of.
     * </pre>
     */
    public tw.jipan.market.v1.GetSpaceResponse getSpace(tw.jipan.market.v1.GetSpaceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetSpaceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the spaces the caller's organisation is a member of.
     * </pre>
     */
    public tw.jipan.market.v1.ListSpacesResponse listSpaces(tw.jipan.market.v1.ListSpacesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSpacesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Sets members' roles (SPACE_ROLE_UNSPECIFIED removes one); owners only.
     * </pre>
     */
    public tw.jipan.market.v1.UpdateSpaceMembersResponse updateSpaceMembers(tw.jipan.market.v1.UpdateSpaceMembersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateSpaceMembersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a space's activity feed, newest first.
     * </pre>
     */
    public tw.jipan.market.v1.ListSpaceActivitiesResponse listSpaceActivities(tw.jipan.market.v1.ListSpaceActivitiesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSpaceActivitiesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the invitations to the caller's organisation that it has not
     * answered yet.
     * </pre>
     */
    public tw.jipan.market.v1.ListSpaceInvitationsResponse listSpaceInvitations(tw.jipan.market.v1.ListSpaceInvitationsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSpaceInvitationsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Accepts an invitation of the caller's organisation: it becomes a member
     * with the invited role.
     * </pre>
     */
    public tw.jipan.market.v1.AcceptSpaceInvitationResponse acceptSpaceInvitation(tw.jipan.market.v1.AcceptSpaceInvitationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAcceptSpaceInvitationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Declines an invitation of the caller's organisation.
     * </pre>
     */
    public tw.jipan.market.v1.DeclineSpaceInvitationResponse declineSpaceInvitation(tw.jipan.market.v1.DeclineSpaceInvitationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeclineSpaceInvitationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a space's documents.
     * </pre>
     */
    public tw.jipan.market.v1.ListSpaceDocumentsResponse listSpaceDocuments(tw.jipan.market.v1.ListSpaceDocumentsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSpaceDocumentsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams a document's content; any member.
     * </pre>
     */
    public java.util.Iterator<tw.jipan.market.v1.DownloadSpaceDocumentResponse> downloadSpaceDocument(
        tw.jipan.market.v1.DownloadSpaceDocumentRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getDownloadSpaceDocumentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Records a decision and anchors its digest on the ledger; maintainers and
     * owners.
     * </pre>
     */
    public tw.jipan.market.v1.CreateDecisionResponse createDecision(tw.jipan.market.v1.CreateDecisionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateDecisionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a space's decisions, newest first.
     * </pre>
     */
    public tw.jipan.market.v1.ListDecisionsResponse listDecisions(tw.jipan.market.v1.ListDecisionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListDecisionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Recomputes a decision's digest from what is stored and asks the ledger
     * whether that digest is anchored: a changed record or a missing anchor
     * answers `verified: false`.
     * </pre>
     */
    public tw.jipan.market.v1.VerifyDecisionResponse verifyDecision(tw.jipan.market.v1.VerifyDecisionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getVerifyDecisionMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * Co-Lab spaces: agencies and vendors co-develop with members from several
   * organisations in roles, an activity feed, documents in the object store and
   * decisions anchored on the ledger. Only members see a space.
   * </pre>
   */
  public static final class SpaceServiceFutureStub extends io.grpc.stub.AbstractFutureStub<SpaceServiceFutureStub> {
    private SpaceServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SpaceServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SpaceServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a space; the caller's organisation is its owner.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.CreateSpaceResponse> createSpace(
        tw.jipan.market.v1.CreateSpaceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateSpaceMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns a space the caller's organisation is a member of.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.GetSpaceResponse> getSpace(
        tw.jipan.market.v1.GetSpaceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetSpaceMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the spaces the caller's organisation is a member of.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListSpacesResponse> listSpaces(
        tw.jipan.market.v1.ListSpacesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSpacesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Sets members' roles (SPACE_ROLE_UNSPECIFIED removes one); owners only.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.UpdateSpaceMembersResponse> updateSpaceMembers(
        tw.jipan.market.v1.UpdateSpaceMembersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateSpaceMembersMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a space's activity feed, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListSpaceActivitiesResponse> listSpaceActivities(
        tw.jipan.market.v1.ListSpaceActivitiesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSpaceActivitiesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the invitations to the caller's organisation that it has not
     * answered yet.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListSpaceInvitationsResponse> listSpaceInvitations(
        tw.jipan.market.v1.ListSpaceInvitationsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSpaceInvitationsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Accepts an invitation of the caller's organisation: it becomes a member
     * with the invited role.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.AcceptSpaceInvitationResponse> acceptSpaceInvitation(
        tw.jipan.market.v1.AcceptSpaceInvitationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAcceptSpaceInvitationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Declines an invitation of the caller's organisation.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.DeclineSpaceInvitationResponse> declineSpaceInvitation(
        tw.jipan.market.v1.DeclineSpaceInvitationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeclineSpaceInvitationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a space's documents.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListSpaceDocumentsResponse> listSpaceDocuments(
        tw.jipan.market.v1.ListSpaceDocumentsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSpaceDocumentsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Records a decision and anchors its digest on the ledger; maintainers and
     * owners.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.CreateDecisionResponse> createDecision(
        tw.jipan.market.v1.CreateDecisionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateDecisionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a space's decisions, newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListDecisionsResponse> listDecisions(
        tw.jipan.market.v1.ListDecisionsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListDecisionsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Recomputes a decision's digest from what is stored and asks the ledger
     * whether that digest is anchored: a changed record or a missing anchor
     * answers `verified: false`.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.VerifyDecisionResponse> verifyDecision(
        tw.jipan.market.v1.VerifyDecisionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getVerifyDecisionMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_SPACE = 0;
  private static final int METHODID_GET_SPACE = 1;
  private static final int METHODID_LIST_SPACES = 2;
  private static final int METHODID_UPDATE_SPACE_MEMBERS = 3;
  private static final int METHODID_LIST_SPACE_ACTIVITIES = 4;
  private static final int METHODID_LIST_SPACE_INVITATIONS = 5;
  private static final int METHODID_ACCEPT_SPACE_INVITATION = 6;
  private static final int METHODID_DECLINE_SPACE_INVITATION = 7;
  private static final int METHODID_LIST_SPACE_DOCUMENTS = 8;
  private static final int METHODID_DOWNLOAD_SPACE_DOCUMENT = 9;
  private static final int METHODID_CREATE_DECISION = 10;
  private static final int METHODID_LIST_DECISIONS = 11;
  private static final int METHODID_VERIFY_DECISION = 12;
  private static final int METHODID_CREATE_SPACE_DOCUMENT = 13;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final SpaceServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(SpaceServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_SPACE:
          serviceImpl.createSpace((tw.jipan.market.v1.CreateSpaceRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateSpaceResponse>) responseObserver);
          break;
        case METHODID_GET_SPACE:
          serviceImpl.getSpace((tw.jipan.market.v1.GetSpaceRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetSpaceResponse>) responseObserver);
          break;
        case METHODID_LIST_SPACES:
          serviceImpl.listSpaces((tw.jipan.market.v1.ListSpacesRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpacesResponse>) responseObserver);
          break;
        case METHODID_UPDATE_SPACE_MEMBERS:
          serviceImpl.updateSpaceMembers((tw.jipan.market.v1.UpdateSpaceMembersRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.UpdateSpaceMembersResponse>) responseObserver);
          break;
        case METHODID_LIST_SPACE_ACTIVITIES:
          serviceImpl.listSpaceActivities((tw.jipan.market.v1.ListSpaceActivitiesRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpaceActivitiesResponse>) responseObserver);
          break;
        case METHODID_LIST_SPACE_INVITATIONS:
          serviceImpl.listSpaceInvitations((tw.jipan.market.v1.ListSpaceInvitationsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpaceInvitationsResponse>) responseObserver);
          break;
        case METHODID_ACCEPT_SPACE_INVITATION:
          serviceImpl.acceptSpaceInvitation((tw.jipan.market.v1.AcceptSpaceInvitationRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.AcceptSpaceInvitationResponse>) responseObserver);
          break;
        case METHODID_DECLINE_SPACE_INVITATION:
          serviceImpl.declineSpaceInvitation((tw.jipan.market.v1.DeclineSpaceInvitationRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.DeclineSpaceInvitationResponse>) responseObserver);
          break;
        case METHODID_LIST_SPACE_DOCUMENTS:
          serviceImpl.listSpaceDocuments((tw.jipan.market.v1.ListSpaceDocumentsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListSpaceDocumentsResponse>) responseObserver);
          break;
        case METHODID_DOWNLOAD_SPACE_DOCUMENT:
          serviceImpl.downloadSpaceDocument((tw.jipan.market.v1.DownloadSpaceDocumentRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.DownloadSpaceDocumentResponse>) responseObserver);
          break;
        case METHODID_CREATE_DECISION:
          serviceImpl.createDecision((tw.jipan.market.v1.CreateDecisionRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateDecisionResponse>) responseObserver);
          break;
        case METHODID_LIST_DECISIONS:
          serviceImpl.listDecisions((tw.jipan.market.v1.ListDecisionsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListDecisionsResponse>) responseObserver);
          break;
        case METHODID_VERIFY_DECISION:
          serviceImpl.verifyDecision((tw.jipan.market.v1.VerifyDecisionRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.VerifyDecisionResponse>) responseObserver);
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
        case METHODID_CREATE_SPACE_DOCUMENT:
          return (io.grpc.stub.StreamObserver<Req>) serviceImpl.createSpaceDocument(
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.CreateSpaceDocumentResponse>) responseObserver);
        default:
          throw new AssertionError();
      }
    }
  }

  private static abstract class SpaceServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    SpaceServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.market.v1.SpaceServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("SpaceService");
    }
  }

  private static final class SpaceServiceFileDescriptorSupplier
      extends SpaceServiceBaseDescriptorSupplier {
    SpaceServiceFileDescriptorSupplier() {}
  }

  private static final class SpaceServiceMethodDescriptorSupplier
      extends SpaceServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    SpaceServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (SpaceServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new SpaceServiceFileDescriptorSupplier())
              .addMethod(getCreateSpaceMethod())
              .addMethod(getGetSpaceMethod())
              .addMethod(getListSpacesMethod())
              .addMethod(getUpdateSpaceMembersMethod())
              .addMethod(getListSpaceActivitiesMethod())
              .addMethod(getListSpaceInvitationsMethod())
              .addMethod(getAcceptSpaceInvitationMethod())
              .addMethod(getDeclineSpaceInvitationMethod())
              .addMethod(getCreateSpaceDocumentMethod())
              .addMethod(getListSpaceDocumentsMethod())
              .addMethod(getDownloadSpaceDocumentMethod())
              .addMethod(getCreateDecisionMethod())
              .addMethod(getListDecisionsMethod())
              .addMethod(getVerifyDecisionMethod())
              .build();
        }
      }
    }
    return result;
  }
}
