package tw.jipan.privacy.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The privacy toolkit: tabular datasets of an organisation (the token's
 * `org`), their re-identification risk (k-anonymity, ℓ-diversity, the
 * prosecutor model) and differentially private releases of their
 * statistics (OpenDP, the Laplace mechanism) that spend a privacy budget
 * kept in a ledger per dataset, each entry anchored on the ledger.
 * A caller sees only its own organisation's datasets; another
 * organisation's dataset is NOT_FOUND.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/privacy/v1/privacy_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class PrivacyServiceGrpc {

  private PrivacyServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.privacy.v1.PrivacyService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.privacy.v1.CreateDatasetRequest,
      tw.jipan.privacy.v1.CreateDatasetResponse> getCreateDatasetMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateDataset",
      requestType = tw.jipan.privacy.v1.CreateDatasetRequest.class,
      responseType = tw.jipan.privacy.v1.CreateDatasetResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.privacy.v1.CreateDatasetRequest,
      tw.jipan.privacy.v1.CreateDatasetResponse> getCreateDatasetMethod() {
    io.grpc.MethodDescriptor<tw.jipan.privacy.v1.CreateDatasetRequest, tw.jipan.privacy.v1.CreateDatasetResponse> getCreateDatasetMethod;
    if ((getCreateDatasetMethod = PrivacyServiceGrpc.getCreateDatasetMethod) == null) {
      synchronized (PrivacyServiceGrpc.class) {
        if ((getCreateDatasetMethod = PrivacyServiceGrpc.getCreateDatasetMethod) == null) {
          PrivacyServiceGrpc.getCreateDatasetMethod = getCreateDatasetMethod =
              io.grpc.MethodDescriptor.<tw.jipan.privacy.v1.CreateDatasetRequest, tw.jipan.privacy.v1.CreateDatasetResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateDataset"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.CreateDatasetRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.CreateDatasetResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PrivacyServiceMethodDescriptorSupplier("CreateDataset"))
              .build();
        }
      }
    }
    return getCreateDatasetMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.privacy.v1.GetDatasetRequest,
      tw.jipan.privacy.v1.GetDatasetResponse> getGetDatasetMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetDataset",
      requestType = tw.jipan.privacy.v1.GetDatasetRequest.class,
      responseType = tw.jipan.privacy.v1.GetDatasetResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.privacy.v1.GetDatasetRequest,
      tw.jipan.privacy.v1.GetDatasetResponse> getGetDatasetMethod() {
    io.grpc.MethodDescriptor<tw.jipan.privacy.v1.GetDatasetRequest, tw.jipan.privacy.v1.GetDatasetResponse> getGetDatasetMethod;
    if ((getGetDatasetMethod = PrivacyServiceGrpc.getGetDatasetMethod) == null) {
      synchronized (PrivacyServiceGrpc.class) {
        if ((getGetDatasetMethod = PrivacyServiceGrpc.getGetDatasetMethod) == null) {
          PrivacyServiceGrpc.getGetDatasetMethod = getGetDatasetMethod =
              io.grpc.MethodDescriptor.<tw.jipan.privacy.v1.GetDatasetRequest, tw.jipan.privacy.v1.GetDatasetResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetDataset"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.GetDatasetRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.GetDatasetResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PrivacyServiceMethodDescriptorSupplier("GetDataset"))
              .build();
        }
      }
    }
    return getGetDatasetMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.privacy.v1.ListDatasetsRequest,
      tw.jipan.privacy.v1.ListDatasetsResponse> getListDatasetsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListDatasets",
      requestType = tw.jipan.privacy.v1.ListDatasetsRequest.class,
      responseType = tw.jipan.privacy.v1.ListDatasetsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.privacy.v1.ListDatasetsRequest,
      tw.jipan.privacy.v1.ListDatasetsResponse> getListDatasetsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.privacy.v1.ListDatasetsRequest, tw.jipan.privacy.v1.ListDatasetsResponse> getListDatasetsMethod;
    if ((getListDatasetsMethod = PrivacyServiceGrpc.getListDatasetsMethod) == null) {
      synchronized (PrivacyServiceGrpc.class) {
        if ((getListDatasetsMethod = PrivacyServiceGrpc.getListDatasetsMethod) == null) {
          PrivacyServiceGrpc.getListDatasetsMethod = getListDatasetsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.privacy.v1.ListDatasetsRequest, tw.jipan.privacy.v1.ListDatasetsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListDatasets"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.ListDatasetsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.ListDatasetsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PrivacyServiceMethodDescriptorSupplier("ListDatasets"))
              .build();
        }
      }
    }
    return getListDatasetsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.privacy.v1.AssessDatasetRequest,
      tw.jipan.privacy.v1.AssessDatasetResponse> getAssessDatasetMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AssessDataset",
      requestType = tw.jipan.privacy.v1.AssessDatasetRequest.class,
      responseType = tw.jipan.privacy.v1.AssessDatasetResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.privacy.v1.AssessDatasetRequest,
      tw.jipan.privacy.v1.AssessDatasetResponse> getAssessDatasetMethod() {
    io.grpc.MethodDescriptor<tw.jipan.privacy.v1.AssessDatasetRequest, tw.jipan.privacy.v1.AssessDatasetResponse> getAssessDatasetMethod;
    if ((getAssessDatasetMethod = PrivacyServiceGrpc.getAssessDatasetMethod) == null) {
      synchronized (PrivacyServiceGrpc.class) {
        if ((getAssessDatasetMethod = PrivacyServiceGrpc.getAssessDatasetMethod) == null) {
          PrivacyServiceGrpc.getAssessDatasetMethod = getAssessDatasetMethod =
              io.grpc.MethodDescriptor.<tw.jipan.privacy.v1.AssessDatasetRequest, tw.jipan.privacy.v1.AssessDatasetResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AssessDataset"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.AssessDatasetRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.AssessDatasetResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PrivacyServiceMethodDescriptorSupplier("AssessDataset"))
              .build();
        }
      }
    }
    return getAssessDatasetMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.privacy.v1.CreateReleaseRequest,
      tw.jipan.privacy.v1.CreateReleaseResponse> getCreateReleaseMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateRelease",
      requestType = tw.jipan.privacy.v1.CreateReleaseRequest.class,
      responseType = tw.jipan.privacy.v1.CreateReleaseResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.privacy.v1.CreateReleaseRequest,
      tw.jipan.privacy.v1.CreateReleaseResponse> getCreateReleaseMethod() {
    io.grpc.MethodDescriptor<tw.jipan.privacy.v1.CreateReleaseRequest, tw.jipan.privacy.v1.CreateReleaseResponse> getCreateReleaseMethod;
    if ((getCreateReleaseMethod = PrivacyServiceGrpc.getCreateReleaseMethod) == null) {
      synchronized (PrivacyServiceGrpc.class) {
        if ((getCreateReleaseMethod = PrivacyServiceGrpc.getCreateReleaseMethod) == null) {
          PrivacyServiceGrpc.getCreateReleaseMethod = getCreateReleaseMethod =
              io.grpc.MethodDescriptor.<tw.jipan.privacy.v1.CreateReleaseRequest, tw.jipan.privacy.v1.CreateReleaseResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateRelease"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.CreateReleaseRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.CreateReleaseResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PrivacyServiceMethodDescriptorSupplier("CreateRelease"))
              .build();
        }
      }
    }
    return getCreateReleaseMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.privacy.v1.ListReleasesRequest,
      tw.jipan.privacy.v1.ListReleasesResponse> getListReleasesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListReleases",
      requestType = tw.jipan.privacy.v1.ListReleasesRequest.class,
      responseType = tw.jipan.privacy.v1.ListReleasesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.privacy.v1.ListReleasesRequest,
      tw.jipan.privacy.v1.ListReleasesResponse> getListReleasesMethod() {
    io.grpc.MethodDescriptor<tw.jipan.privacy.v1.ListReleasesRequest, tw.jipan.privacy.v1.ListReleasesResponse> getListReleasesMethod;
    if ((getListReleasesMethod = PrivacyServiceGrpc.getListReleasesMethod) == null) {
      synchronized (PrivacyServiceGrpc.class) {
        if ((getListReleasesMethod = PrivacyServiceGrpc.getListReleasesMethod) == null) {
          PrivacyServiceGrpc.getListReleasesMethod = getListReleasesMethod =
              io.grpc.MethodDescriptor.<tw.jipan.privacy.v1.ListReleasesRequest, tw.jipan.privacy.v1.ListReleasesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListReleases"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.ListReleasesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.ListReleasesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PrivacyServiceMethodDescriptorSupplier("ListReleases"))
              .build();
        }
      }
    }
    return getListReleasesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.privacy.v1.PseudonymiseDatasetRequest,
      tw.jipan.privacy.v1.PseudonymiseDatasetResponse> getPseudonymiseDatasetMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "PseudonymiseDataset",
      requestType = tw.jipan.privacy.v1.PseudonymiseDatasetRequest.class,
      responseType = tw.jipan.privacy.v1.PseudonymiseDatasetResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.privacy.v1.PseudonymiseDatasetRequest,
      tw.jipan.privacy.v1.PseudonymiseDatasetResponse> getPseudonymiseDatasetMethod() {
    io.grpc.MethodDescriptor<tw.jipan.privacy.v1.PseudonymiseDatasetRequest, tw.jipan.privacy.v1.PseudonymiseDatasetResponse> getPseudonymiseDatasetMethod;
    if ((getPseudonymiseDatasetMethod = PrivacyServiceGrpc.getPseudonymiseDatasetMethod) == null) {
      synchronized (PrivacyServiceGrpc.class) {
        if ((getPseudonymiseDatasetMethod = PrivacyServiceGrpc.getPseudonymiseDatasetMethod) == null) {
          PrivacyServiceGrpc.getPseudonymiseDatasetMethod = getPseudonymiseDatasetMethod =
              io.grpc.MethodDescriptor.<tw.jipan.privacy.v1.PseudonymiseDatasetRequest, tw.jipan.privacy.v1.PseudonymiseDatasetResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "PseudonymiseDataset"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.PseudonymiseDatasetRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.PseudonymiseDatasetResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PrivacyServiceMethodDescriptorSupplier("PseudonymiseDataset"))
              .build();
        }
      }
    }
    return getPseudonymiseDatasetMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.privacy.v1.AnonymiseDatasetRequest,
      tw.jipan.privacy.v1.AnonymiseDatasetResponse> getAnonymiseDatasetMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AnonymiseDataset",
      requestType = tw.jipan.privacy.v1.AnonymiseDatasetRequest.class,
      responseType = tw.jipan.privacy.v1.AnonymiseDatasetResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.privacy.v1.AnonymiseDatasetRequest,
      tw.jipan.privacy.v1.AnonymiseDatasetResponse> getAnonymiseDatasetMethod() {
    io.grpc.MethodDescriptor<tw.jipan.privacy.v1.AnonymiseDatasetRequest, tw.jipan.privacy.v1.AnonymiseDatasetResponse> getAnonymiseDatasetMethod;
    if ((getAnonymiseDatasetMethod = PrivacyServiceGrpc.getAnonymiseDatasetMethod) == null) {
      synchronized (PrivacyServiceGrpc.class) {
        if ((getAnonymiseDatasetMethod = PrivacyServiceGrpc.getAnonymiseDatasetMethod) == null) {
          PrivacyServiceGrpc.getAnonymiseDatasetMethod = getAnonymiseDatasetMethod =
              io.grpc.MethodDescriptor.<tw.jipan.privacy.v1.AnonymiseDatasetRequest, tw.jipan.privacy.v1.AnonymiseDatasetResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AnonymiseDataset"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.AnonymiseDatasetRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.AnonymiseDatasetResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PrivacyServiceMethodDescriptorSupplier("AnonymiseDataset"))
              .build();
        }
      }
    }
    return getAnonymiseDatasetMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.privacy.v1.GetOperationRequest,
      tw.jipan.privacy.v1.GetOperationResponse> getGetOperationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetOperation",
      requestType = tw.jipan.privacy.v1.GetOperationRequest.class,
      responseType = tw.jipan.privacy.v1.GetOperationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.privacy.v1.GetOperationRequest,
      tw.jipan.privacy.v1.GetOperationResponse> getGetOperationMethod() {
    io.grpc.MethodDescriptor<tw.jipan.privacy.v1.GetOperationRequest, tw.jipan.privacy.v1.GetOperationResponse> getGetOperationMethod;
    if ((getGetOperationMethod = PrivacyServiceGrpc.getGetOperationMethod) == null) {
      synchronized (PrivacyServiceGrpc.class) {
        if ((getGetOperationMethod = PrivacyServiceGrpc.getGetOperationMethod) == null) {
          PrivacyServiceGrpc.getGetOperationMethod = getGetOperationMethod =
              io.grpc.MethodDescriptor.<tw.jipan.privacy.v1.GetOperationRequest, tw.jipan.privacy.v1.GetOperationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetOperation"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.GetOperationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.GetOperationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PrivacyServiceMethodDescriptorSupplier("GetOperation"))
              .build();
        }
      }
    }
    return getGetOperationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.privacy.v1.RotatePseudonymKeyRequest,
      tw.jipan.privacy.v1.RotatePseudonymKeyResponse> getRotatePseudonymKeyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RotatePseudonymKey",
      requestType = tw.jipan.privacy.v1.RotatePseudonymKeyRequest.class,
      responseType = tw.jipan.privacy.v1.RotatePseudonymKeyResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.privacy.v1.RotatePseudonymKeyRequest,
      tw.jipan.privacy.v1.RotatePseudonymKeyResponse> getRotatePseudonymKeyMethod() {
    io.grpc.MethodDescriptor<tw.jipan.privacy.v1.RotatePseudonymKeyRequest, tw.jipan.privacy.v1.RotatePseudonymKeyResponse> getRotatePseudonymKeyMethod;
    if ((getRotatePseudonymKeyMethod = PrivacyServiceGrpc.getRotatePseudonymKeyMethod) == null) {
      synchronized (PrivacyServiceGrpc.class) {
        if ((getRotatePseudonymKeyMethod = PrivacyServiceGrpc.getRotatePseudonymKeyMethod) == null) {
          PrivacyServiceGrpc.getRotatePseudonymKeyMethod = getRotatePseudonymKeyMethod =
              io.grpc.MethodDescriptor.<tw.jipan.privacy.v1.RotatePseudonymKeyRequest, tw.jipan.privacy.v1.RotatePseudonymKeyResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RotatePseudonymKey"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.RotatePseudonymKeyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.RotatePseudonymKeyResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PrivacyServiceMethodDescriptorSupplier("RotatePseudonymKey"))
              .build();
        }
      }
    }
    return getRotatePseudonymKeyMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.privacy.v1.LinkPseudonymsRequest,
      tw.jipan.privacy.v1.LinkPseudonymsResponse> getLinkPseudonymsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "LinkPseudonyms",
      requestType = tw.jipan.privacy.v1.LinkPseudonymsRequest.class,
      responseType = tw.jipan.privacy.v1.LinkPseudonymsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.privacy.v1.LinkPseudonymsRequest,
      tw.jipan.privacy.v1.LinkPseudonymsResponse> getLinkPseudonymsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.privacy.v1.LinkPseudonymsRequest, tw.jipan.privacy.v1.LinkPseudonymsResponse> getLinkPseudonymsMethod;
    if ((getLinkPseudonymsMethod = PrivacyServiceGrpc.getLinkPseudonymsMethod) == null) {
      synchronized (PrivacyServiceGrpc.class) {
        if ((getLinkPseudonymsMethod = PrivacyServiceGrpc.getLinkPseudonymsMethod) == null) {
          PrivacyServiceGrpc.getLinkPseudonymsMethod = getLinkPseudonymsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.privacy.v1.LinkPseudonymsRequest, tw.jipan.privacy.v1.LinkPseudonymsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "LinkPseudonyms"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.LinkPseudonymsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.LinkPseudonymsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PrivacyServiceMethodDescriptorSupplier("LinkPseudonyms"))
              .build();
        }
      }
    }
    return getLinkPseudonymsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.privacy.v1.SuppressCellsRequest,
      tw.jipan.privacy.v1.SuppressCellsResponse> getSuppressCellsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SuppressCells",
      requestType = tw.jipan.privacy.v1.SuppressCellsRequest.class,
      responseType = tw.jipan.privacy.v1.SuppressCellsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.privacy.v1.SuppressCellsRequest,
      tw.jipan.privacy.v1.SuppressCellsResponse> getSuppressCellsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.privacy.v1.SuppressCellsRequest, tw.jipan.privacy.v1.SuppressCellsResponse> getSuppressCellsMethod;
    if ((getSuppressCellsMethod = PrivacyServiceGrpc.getSuppressCellsMethod) == null) {
      synchronized (PrivacyServiceGrpc.class) {
        if ((getSuppressCellsMethod = PrivacyServiceGrpc.getSuppressCellsMethod) == null) {
          PrivacyServiceGrpc.getSuppressCellsMethod = getSuppressCellsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.privacy.v1.SuppressCellsRequest, tw.jipan.privacy.v1.SuppressCellsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SuppressCells"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.SuppressCellsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.privacy.v1.SuppressCellsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new PrivacyServiceMethodDescriptorSupplier("SuppressCells"))
              .build();
        }
      }
    }
    return getSuppressCellsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static PrivacyServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PrivacyServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PrivacyServiceStub>() {
        @java.lang.Override
        public PrivacyServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PrivacyServiceStub(channel, callOptions);
        }
      };
    return PrivacyServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static PrivacyServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PrivacyServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PrivacyServiceBlockingStub>() {
        @java.lang.Override
        public PrivacyServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PrivacyServiceBlockingStub(channel, callOptions);
        }
      };
    return PrivacyServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static PrivacyServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<PrivacyServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<PrivacyServiceFutureStub>() {
        @java.lang.Override
        public PrivacyServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new PrivacyServiceFutureStub(channel, callOptions);
        }
      };
    return PrivacyServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * The privacy toolkit: tabular datasets of an organisation (the token's
   * `org`), their re-identification risk (k-anonymity, ℓ-diversity, the
   * prosecutor model) and differentially private releases of their
   * statistics (OpenDP, the Laplace mechanism) that spend a privacy budget
   * kept in a ledger per dataset, each entry anchored on the ledger.
   * A caller sees only its own organisation's datasets; another
   * organisation's dataset is NOT_FOUND.
   * </pre>
   */
  public static abstract class PrivacyServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Creates a dataset from a CSV and its column schema. The content is
     * checked whole: every row has the header's cells, every number and date
     * parses.
     * </pre>
     */
    public void createDataset(tw.jipan.privacy.v1.CreateDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.CreateDatasetResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateDatasetMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one dataset of the caller's organisation.
     * </pre>
     */
    public void getDataset(tw.jipan.privacy.v1.GetDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.GetDatasetResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetDatasetMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the datasets of the caller's organisation, oldest first.
     * </pre>
     */
    public void listDatasets(tw.jipan.privacy.v1.ListDatasetsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.ListDatasetsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListDatasetsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Measures a dataset's re-identification risk over its quasi-identifiers.
     * Reads the records; spends no privacy budget (the assessment is for the
     * data's owner, not a release).
     * </pre>
     */
    public void assessDataset(tw.jipan.privacy.v1.AssessDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.AssessDatasetResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAssessDatasetMethod(), responseObserver);
    }

    /**
     * <pre>
     * Releases one statistic with differential privacy and spends its ε (and,
     * for GAUSSIAN, its δ) from the dataset's budget, atomically in one
     * statement: a release that would take the spent ε past `total_epsilon`,
     * or the spent δ past `total_delta`, is FAILED_PRECONDITION
     * PRIVACY_BUDGET_EXHAUSTED and spends nothing. A replayed `request_id` returns the first release (the
     * same noisy result) and spends nothing more.
     * </pre>
     */
    public void createRelease(tw.jipan.privacy.v1.CreateReleaseRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.CreateReleaseResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateReleaseMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a dataset's budget ledger: its releases in the order they spent,
     * each with the ε spent up to it and the budget left after it.
     * </pre>
     */
    public void listReleases(tw.jipan.privacy.v1.ListReleasesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.ListReleasesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListReleasesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns the dataset's CSV with the chosen identifier and
     * quasi-identifier columns replaced by pseudonyms: the first 26 characters
     * of the lowercase base32 of HMAC-SHA-256(key, column name + "&#92;x1f" +
     * value) under a key of the dataset's own, kept wrapped by the
     * key-encryption key and never returned. A value has the same pseudonym
     * everywhere in one dataset and another one in every other dataset. An
     * empty cell (a missing value) stays empty; every other column is as
     * stored. Spends no privacy budget: the output is for the data's owner.
     * </pre>
     */
    public void pseudonymiseDataset(tw.jipan.privacy.v1.PseudonymiseDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.PseudonymiseDatasetResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPseudonymiseDatasetMethod(), responseObserver);
    }

    /**
     * <pre>
     * Starts anonymising a dataset to k-anonymity (and, if asked, distinct
     * ℓ-diversity of every sensitive column) by full-domain generalisation of
     * its quasi-identifiers along their hierarchies, with the records that
     * still violate suppressed up to a cap. Of the transformations that reach
     * k within the cap, the one with the least information loss (ARX's Loss
     * metric) is applied, and the result is stored as a new dataset of the
     * caller's organisation, without the IDENTIFIER columns. Returns a
     * long-running operation (AIP-151); poll it with GetOperation. A replayed
     * `request_id` returns the first operation.
     * </pre>
     */
    public void anonymiseDataset(tw.jipan.privacy.v1.AnonymiseDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.AnonymiseDatasetResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAnonymiseDatasetMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns a long-running operation of the caller's organisation.
     * </pre>
     */
    public void getOperation(tw.jipan.privacy.v1.GetOperationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.GetOperationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetOperationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Makes a new pseudonym key for a dataset. PseudonymiseDataset uses the
     * newest key from then on, so pseudonyms given out after the rotation
     * cannot be joined with those given out before it; the older keys are kept
     * (wrapped) for LinkPseudonyms only. Returns the new key's version.
     * </pre>
     */
    public void rotatePseudonymKey(tw.jipan.privacy.v1.RotatePseudonymKeyRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.RotatePseudonymKeyResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRotatePseudonymKeyMethod(), responseObserver);
    }

    /**
     * <pre>
     * Links pseudonyms: for each pseudonym the source dataset gave out (for one
     * column, recipient and key version), the pseudonym the target dataset
     * gives the same value (for its column and recipient, under its newest
     * key), without returning the value. Both datasets are the caller's
     * organisation's. Linking undoes the unlinkability between datasets and
     * recipients, so it needs its own scope, `privacy.link`, which holders of
     * `privacy.read` and `privacy.write` do not have.
     * </pre>
     */
    public void linkPseudonyms(tw.jipan.privacy.v1.LinkPseudonymsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.LinkPseudonymsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getLinkPseudonymsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Applies the primary-suppression rules of statistical disclosure control
     * to a table of aggregate cells: the threshold rule (a cell made up of
     * fewer than `k` distinct contributors, the people or organisations whose
     * records it sums, is suppressed) and, when `dominance` is set, the (n, p)
     * dominance rule (a cell whose n largest contributions make p % or more of
     * its total is suppressed: its largest contributor could estimate the
     * others' figures, or its own figure is nearly the cell's). The caller
     * keeps the records; only each cell's contributor count and, for the
     * dominance rule, its total and largest contributions (no identities) are
     * sent. Procurement's k-anonymised analytics decide with this which of
     * their base cells may be published. Reads and stores nothing.
     * </pre>
     */
    public void suppressCells(tw.jipan.privacy.v1.SuppressCellsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.SuppressCellsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSuppressCellsMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateDatasetMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.privacy.v1.CreateDatasetRequest,
                tw.jipan.privacy.v1.CreateDatasetResponse>(
                  this, METHODID_CREATE_DATASET)))
          .addMethod(
            getGetDatasetMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.privacy.v1.GetDatasetRequest,
                tw.jipan.privacy.v1.GetDatasetResponse>(
                  this, METHODID_GET_DATASET)))
          .addMethod(
            getListDatasetsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.privacy.v1.ListDatasetsRequest,
                tw.jipan.privacy.v1.ListDatasetsResponse>(
                  this, METHODID_LIST_DATASETS)))
          .addMethod(
            getAssessDatasetMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.privacy.v1.AssessDatasetRequest,
                tw.jipan.privacy.v1.AssessDatasetResponse>(
                  this, METHODID_ASSESS_DATASET)))
          .addMethod(
            getCreateReleaseMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.privacy.v1.CreateReleaseRequest,
                tw.jipan.privacy.v1.CreateReleaseResponse>(
                  this, METHODID_CREATE_RELEASE)))
          .addMethod(
            getListReleasesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.privacy.v1.ListReleasesRequest,
                tw.jipan.privacy.v1.ListReleasesResponse>(
                  this, METHODID_LIST_RELEASES)))
          .addMethod(
            getPseudonymiseDatasetMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.privacy.v1.PseudonymiseDatasetRequest,
                tw.jipan.privacy.v1.PseudonymiseDatasetResponse>(
                  this, METHODID_PSEUDONYMISE_DATASET)))
          .addMethod(
            getAnonymiseDatasetMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.privacy.v1.AnonymiseDatasetRequest,
                tw.jipan.privacy.v1.AnonymiseDatasetResponse>(
                  this, METHODID_ANONYMISE_DATASET)))
          .addMethod(
            getGetOperationMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.privacy.v1.GetOperationRequest,
                tw.jipan.privacy.v1.GetOperationResponse>(
                  this, METHODID_GET_OPERATION)))
          .addMethod(
            getRotatePseudonymKeyMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.privacy.v1.RotatePseudonymKeyRequest,
                tw.jipan.privacy.v1.RotatePseudonymKeyResponse>(
                  this, METHODID_ROTATE_PSEUDONYM_KEY)))
          .addMethod(
            getLinkPseudonymsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.privacy.v1.LinkPseudonymsRequest,
                tw.jipan.privacy.v1.LinkPseudonymsResponse>(
                  this, METHODID_LINK_PSEUDONYMS)))
          .addMethod(
            getSuppressCellsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.privacy.v1.SuppressCellsRequest,
                tw.jipan.privacy.v1.SuppressCellsResponse>(
                  this, METHODID_SUPPRESS_CELLS)))
          .build();
    }
  }

  /**
   * <pre>
   * The privacy toolkit: tabular datasets of an organisation (the token's
   * `org`), their re-identification risk (k-anonymity, ℓ-diversity, the
   * prosecutor model) and differentially private releases of their
   * statistics (OpenDP, the Laplace mechanism) that spend a privacy budget
   * kept in a ledger per dataset, each entry anchored on the ledger.
   * A caller sees only its own organisation's datasets; another
   * organisation's dataset is NOT_FOUND.
   * </pre>
   */
  public static final class PrivacyServiceStub extends io.grpc.stub.AbstractAsyncStub<PrivacyServiceStub> {
    private PrivacyServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PrivacyServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PrivacyServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a dataset from a CSV and its column schema. The content is
     * checked whole: every row has the header's cells, every number and date
     * parses.
     * </pre>
     */
    public void createDataset(tw.jipan.privacy.v1.CreateDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.CreateDatasetResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateDatasetMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one dataset of the caller's organisation.
     * </pre>
     */
    public void getDataset(tw.jipan.privacy.v1.GetDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.GetDatasetResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetDatasetMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the datasets of the caller's organisation, oldest first.
     * </pre>
     */
    public void listDatasets(tw.jipan.privacy.v1.ListDatasetsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.ListDatasetsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListDatasetsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Measures a dataset's re-identification risk over its quasi-identifiers.
     * Reads the records; spends no privacy budget (the assessment is for the
     * data's owner, not a release).
     * </pre>
     */
    public void assessDataset(tw.jipan.privacy.v1.AssessDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.AssessDatasetResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAssessDatasetMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Releases one statistic with differential privacy and spends its ε (and,
     * for GAUSSIAN, its δ) from the dataset's budget, atomically in one
     * statement: a release that would take the spent ε past `total_epsilon`,
     * or the spent δ past `total_delta`, is FAILED_PRECONDITION
     * PRIVACY_BUDGET_EXHAUSTED and spends nothing. A replayed `request_id` returns the first release (the
     * same noisy result) and spends nothing more.
     * </pre>
     */
    public void createRelease(tw.jipan.privacy.v1.CreateReleaseRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.CreateReleaseResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateReleaseMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a dataset's budget ledger: its releases in the order they spent,
     * each with the ε spent up to it and the budget left after it.
     * </pre>
     */
    public void listReleases(tw.jipan.privacy.v1.ListReleasesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.ListReleasesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListReleasesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns the dataset's CSV with the chosen identifier and
     * quasi-identifier columns replaced by pseudonyms: the first 26 characters
     * of the lowercase base32 of HMAC-SHA-256(key, column name + "&#92;x1f" +
     * value) under a key of the dataset's own, kept wrapped by the
     * key-encryption key and never returned. A value has the same pseudonym
     * everywhere in one dataset and another one in every other dataset. An
     * empty cell (a missing value) stays empty; every other column is as
     * stored. Spends no privacy budget: the output is for the data's owner.
     * </pre>
     */
    public void pseudonymiseDataset(tw.jipan.privacy.v1.PseudonymiseDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.PseudonymiseDatasetResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPseudonymiseDatasetMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Starts anonymising a dataset to k-anonymity (and, if asked, distinct
     * ℓ-diversity of every sensitive column) by full-domain generalisation of
     * its quasi-identifiers along their hierarchies, with the records that
     * still violate suppressed up to a cap. Of the transformations that reach
     * k within the cap, the one with the least information loss (ARX's Loss
     * metric) is applied, and the result is stored as a new dataset of the
     * caller's organisation, without the IDENTIFIER columns. Returns a
     * long-running operation (AIP-151); poll it with GetOperation. A replayed
     * `request_id` returns the first operation.
     * </pre>
     */
    public void anonymiseDataset(tw.jipan.privacy.v1.AnonymiseDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.AnonymiseDatasetResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAnonymiseDatasetMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns a long-running operation of the caller's organisation.
     * </pre>
     */
    public void getOperation(tw.jipan.privacy.v1.GetOperationRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.GetOperationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetOperationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Makes a new pseudonym key for a dataset. PseudonymiseDataset uses the
     * newest key from then on, so pseudonyms given out after the rotation
     * cannot be joined with those given out before it; the older keys are kept
     * (wrapped) for LinkPseudonyms only. Returns the new key's version.
     * </pre>
     */
    public void rotatePseudonymKey(tw.jipan.privacy.v1.RotatePseudonymKeyRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.RotatePseudonymKeyResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRotatePseudonymKeyMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Links pseudonyms: for each pseudonym the source dataset gave out (for one
     * column, recipient and key version), the pseudonym the target dataset
     * gives the same value (for its column and recipient, under its newest
     * key), without returning the value. Both datasets are the caller's
     * organisation's. Linking undoes the unlinkability between datasets and
     * recipients, so it needs its own scope, `privacy.link`, which holders of
     * `privacy.read` and `privacy.write` do not have.
     * </pre>
     */
    public void linkPseudonyms(tw.jipan.privacy.v1.LinkPseudonymsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.LinkPseudonymsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getLinkPseudonymsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Applies the primary-suppression rules of statistical disclosure control
     * to a table of aggregate cells: the threshold rule (a cell made up of
     * fewer than `k` distinct contributors, the people or organisations whose
     * records it sums, is suppressed) and, when `dominance` is set, the (n, p)
     * dominance rule (a cell whose n largest contributions make p % or more of
     * its total is suppressed: its largest contributor could estimate the
     * others' figures, or its own figure is nearly the cell's). The caller
     * keeps the records; only each cell's contributor count and, for the
     * dominance rule, its total and largest contributions (no identities) are
     * sent. Procurement's k-anonymised analytics decide with this which of
     * their base cells may be published. Reads and stores nothing.
     * </pre>
     */
    public void suppressCells(tw.jipan.privacy.v1.SuppressCellsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.SuppressCellsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSuppressCellsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * The privacy toolkit: tabular datasets of an organisation (the token's
   * `org`), their re-identification risk (k-anonymity, ℓ-diversity, the
   * prosecutor model) and differentially private releases of their
   * statistics (OpenDP, the Laplace mechanism) that spend a privacy budget
   * kept in a ledger per dataset, each entry anchored on the ledger.
   * A caller sees only its own organisation's datasets; another
   * organisation's dataset is NOT_FOUND.
   * </pre>
   */
  public static final class PrivacyServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<PrivacyServiceBlockingStub> {
    private PrivacyServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PrivacyServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PrivacyServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a dataset from a CSV and its column schema. The content is
     * checked whole: every row has the header's cells, every number and date
     * parses.
     * </pre>
     */
    public tw.jipan.privacy.v1.CreateDatasetResponse createDataset(tw.jipan.privacy.v1.CreateDatasetRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateDatasetMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one dataset of the caller's organisation.
     * </pre>
     */
    public tw.jipan.privacy.v1.GetDatasetResponse getDataset(tw.jipan.privacy.v1.GetDatasetRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetDatasetMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the datasets of the caller's organisation, oldest first.
     * </pre>
     */
    public tw.jipan.privacy.v1.ListDatasetsResponse listDatasets(tw.jipan.privacy.v1.ListDatasetsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListDatasetsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Measures a dataset's re-identification risk over its quasi-identifiers.
     * Reads the records; spends no privacy budget (the assessment is for the
     * data's owner, not a release).
     * </pre>
     */
    public tw.jipan.privacy.v1.AssessDatasetResponse assessDataset(tw.jipan.privacy.v1.AssessDatasetRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAssessDatasetMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Releases one statistic with differential privacy and spends its ε (and,
     * for GAUSSIAN, its δ) from the dataset's budget, atomically in one
     * statement: a release that would take the spent ε past `total_epsilon`,
     * or the spent δ past `total_delta`, is FAILED_PRECONDITION
     * PRIVACY_BUDGET_EXHAUSTED and spends nothing. A replayed `request_id` returns the first release (the
     * same noisy result) and spends nothing more.
     * </pre>
     */
    public tw.jipan.privacy.v1.CreateReleaseResponse createRelease(tw.jipan.privacy.v1.CreateReleaseRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateReleaseMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a dataset's budget ledger: its releases in the order they spent,
     * each with the ε spent up to it and the budget left after it.
     * </pre>
     */
    public tw.jipan.privacy.v1.ListReleasesResponse listReleases(tw.jipan.privacy.v1.ListReleasesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListReleasesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns the dataset's CSV with the chosen identifier and
     * quasi-identifier columns replaced by pseudonyms: the first 26 characters
     * of the lowercase base32 of HMAC-SHA-256(key, column name + "&#92;x1f" +
     * value) under a key of the dataset's own, kept wrapped by the
     * key-encryption key and never returned. A value has the same pseudonym
     * everywhere in one dataset and another one in every other dataset. An
     * empty cell (a missing value) stays empty; every other column is as
     * stored. Spends no privacy budget: the output is for the data's owner.
     * </pre>
     */
    public tw.jipan.privacy.v1.PseudonymiseDatasetResponse pseudonymiseDataset(tw.jipan.privacy.v1.PseudonymiseDatasetRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPseudonymiseDatasetMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Starts anonymising a dataset to k-anonymity (and, if asked, distinct
     * ℓ-diversity of every sensitive column) by full-domain generalisation of
     * its quasi-identifiers along their hierarchies, with the records that
     * still violate suppressed up to a cap. Of the transformations that reach
     * k within the cap, the one with the least information loss (ARX's Loss
     * metric) is applied, and the result is stored as a new dataset of the
     * caller's organisation, without the IDENTIFIER columns. Returns a
     * long-running operation (AIP-151); poll it with GetOperation. A replayed
     * `request_id` returns the first operation.
     * </pre>
     */
    public tw.jipan.privacy.v1.AnonymiseDatasetResponse anonymiseDataset(tw.jipan.privacy.v1.AnonymiseDatasetRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAnonymiseDatasetMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns a long-running operation of the caller's organisation.
     * </pre>
     */
    public tw.jipan.privacy.v1.GetOperationResponse getOperation(tw.jipan.privacy.v1.GetOperationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetOperationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Makes a new pseudonym key for a dataset. PseudonymiseDataset uses the
     * newest key from then on, so pseudonyms given out after the rotation
     * cannot be joined with those given out before it; the older keys are kept
     * (wrapped) for LinkPseudonyms only. Returns the new key's version.
     * </pre>
     */
    public tw.jipan.privacy.v1.RotatePseudonymKeyResponse rotatePseudonymKey(tw.jipan.privacy.v1.RotatePseudonymKeyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRotatePseudonymKeyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Links pseudonyms: for each pseudonym the source dataset gave out (for one
     * column, recipient and key version), the pseudonym the target dataset
     * gives the same value (for its column and recipient, under its newest
     * key), without returning the value. Both datasets are the caller's
     * organisation's. Linking undoes the unlinkability between datasets and
     * recipients, so it needs its own scope, `privacy.link`, which holders of
     * `privacy.read` and `privacy.write` do not have.
     * </pre>
     */
    public tw.jipan.privacy.v1.LinkPseudonymsResponse linkPseudonyms(tw.jipan.privacy.v1.LinkPseudonymsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getLinkPseudonymsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Applies the primary-suppression rules of statistical disclosure control
     * to a table of aggregate cells: the threshold rule (a cell made up of
     * fewer than `k` distinct contributors, the people or organisations whose
     * records it sums, is suppressed) and, when `dominance` is set, the (n, p)
     * dominance rule (a cell whose n largest contributions make p % or more of
     * its total is suppressed: its largest contributor could estimate the
     * others' figures, or its own figure is nearly the cell's). The caller
     * keeps the records; only each cell's contributor count and, for the
     * dominance rule, its total and largest contributions (no identities) are
     * sent. Procurement's k-anonymised analytics decide with this which of
     * their base cells may be published. Reads and stores nothing.
     * </pre>
     */
    public tw.jipan.privacy.v1.SuppressCellsResponse suppressCells(tw.jipan.privacy.v1.SuppressCellsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSuppressCellsMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * The privacy toolkit: tabular datasets of an organisation (the token's
   * `org`), their re-identification risk (k-anonymity, ℓ-diversity, the
   * prosecutor model) and differentially private releases of their
   * statistics (OpenDP, the Laplace mechanism) that spend a privacy budget
   * kept in a ledger per dataset, each entry anchored on the ledger.
   * A caller sees only its own organisation's datasets; another
   * organisation's dataset is NOT_FOUND.
   * </pre>
   */
  public static final class PrivacyServiceFutureStub extends io.grpc.stub.AbstractFutureStub<PrivacyServiceFutureStub> {
    private PrivacyServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected PrivacyServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new PrivacyServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a dataset from a CSV and its column schema. The content is
     * checked whole: every row has the header's cells, every number and date
     * parses.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.privacy.v1.CreateDatasetResponse> createDataset(
        tw.jipan.privacy.v1.CreateDatasetRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateDatasetMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one dataset of the caller's organisation.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.privacy.v1.GetDatasetResponse> getDataset(
        tw.jipan.privacy.v1.GetDatasetRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetDatasetMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the datasets of the caller's organisation, oldest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.privacy.v1.ListDatasetsResponse> listDatasets(
        tw.jipan.privacy.v1.ListDatasetsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListDatasetsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Measures a dataset's re-identification risk over its quasi-identifiers.
     * Reads the records; spends no privacy budget (the assessment is for the
     * data's owner, not a release).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.privacy.v1.AssessDatasetResponse> assessDataset(
        tw.jipan.privacy.v1.AssessDatasetRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAssessDatasetMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Releases one statistic with differential privacy and spends its ε (and,
     * for GAUSSIAN, its δ) from the dataset's budget, atomically in one
     * statement: a release that would take the spent ε past `total_epsilon`,
     * or the spent δ past `total_delta`, is FAILED_PRECONDITION
     * PRIVACY_BUDGET_EXHAUSTED and spends nothing. A replayed `request_id` returns the first release (the
     * same noisy result) and spends nothing more.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.privacy.v1.CreateReleaseResponse> createRelease(
        tw.jipan.privacy.v1.CreateReleaseRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateReleaseMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a dataset's budget ledger: its releases in the order they spent,
     * each with the ε spent up to it and the budget left after it.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.privacy.v1.ListReleasesResponse> listReleases(
        tw.jipan.privacy.v1.ListReleasesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListReleasesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns the dataset's CSV with the chosen identifier and
     * quasi-identifier columns replaced by pseudonyms: the first 26 characters
     * of the lowercase base32 of HMAC-SHA-256(key, column name + "&#92;x1f" +
     * value) under a key of the dataset's own, kept wrapped by the
     * key-encryption key and never returned. A value has the same pseudonym
     * everywhere in one dataset and another one in every other dataset. An
     * empty cell (a missing value) stays empty; every other column is as
     * stored. Spends no privacy budget: the output is for the data's owner.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.privacy.v1.PseudonymiseDatasetResponse> pseudonymiseDataset(
        tw.jipan.privacy.v1.PseudonymiseDatasetRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPseudonymiseDatasetMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Starts anonymising a dataset to k-anonymity (and, if asked, distinct
     * ℓ-diversity of every sensitive column) by full-domain generalisation of
     * its quasi-identifiers along their hierarchies, with the records that
     * still violate suppressed up to a cap. Of the transformations that reach
     * k within the cap, the one with the least information loss (ARX's Loss
     * metric) is applied, and the result is stored as a new dataset of the
     * caller's organisation, without the IDENTIFIER columns. Returns a
     * long-running operation (AIP-151); poll it with GetOperation. A replayed
     * `request_id` returns the first operation.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.privacy.v1.AnonymiseDatasetResponse> anonymiseDataset(
        tw.jipan.privacy.v1.AnonymiseDatasetRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAnonymiseDatasetMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns a long-running operation of the caller's organisation.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.privacy.v1.GetOperationResponse> getOperation(
        tw.jipan.privacy.v1.GetOperationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetOperationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Makes a new pseudonym key for a dataset. PseudonymiseDataset uses the
     * newest key from then on, so pseudonyms given out after the rotation
     * cannot be joined with those given out before it; the older keys are kept
     * (wrapped) for LinkPseudonyms only. Returns the new key's version.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.privacy.v1.RotatePseudonymKeyResponse> rotatePseudonymKey(
        tw.jipan.privacy.v1.RotatePseudonymKeyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRotatePseudonymKeyMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Links pseudonyms: for each pseudonym the source dataset gave out (for one
     * column, recipient and key version), the pseudonym the target dataset
     * gives the same value (for its column and recipient, under its newest
     * key), without returning the value. Both datasets are the caller's
     * organisation's. Linking undoes the unlinkability between datasets and
     * recipients, so it needs its own scope, `privacy.link`, which holders of
     * `privacy.read` and `privacy.write` do not have.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.privacy.v1.LinkPseudonymsResponse> linkPseudonyms(
        tw.jipan.privacy.v1.LinkPseudonymsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getLinkPseudonymsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Applies the primary-suppression rules of statistical disclosure control
     * to a table of aggregate cells: the threshold rule (a cell made up of
     * fewer than `k` distinct contributors, the people or organisations whose
     * records it sums, is suppressed) and, when `dominance` is set, the (n, p)
     * dominance rule (a cell whose n largest contributions make p % or more of
     * its total is suppressed: its largest contributor could estimate the
     * others' figures, or its own figure is nearly the cell's). The caller
     * keeps the records; only each cell's contributor count and, for the
     * dominance rule, its total and largest contributions (no identities) are
     * sent. Procurement's k-anonymised analytics decide with this which of
     * their base cells may be published. Reads and stores nothing.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.privacy.v1.SuppressCellsResponse> suppressCells(
        tw.jipan.privacy.v1.SuppressCellsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSuppressCellsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_DATASET = 0;
  private static final int METHODID_GET_DATASET = 1;
  private static final int METHODID_LIST_DATASETS = 2;
  private static final int METHODID_ASSESS_DATASET = 3;
  private static final int METHODID_CREATE_RELEASE = 4;
  private static final int METHODID_LIST_RELEASES = 5;
  private static final int METHODID_PSEUDONYMISE_DATASET = 6;
  private static final int METHODID_ANONYMISE_DATASET = 7;
  private static final int METHODID_GET_OPERATION = 8;
  private static final int METHODID_ROTATE_PSEUDONYM_KEY = 9;
  private static final int METHODID_LINK_PSEUDONYMS = 10;
  private static final int METHODID_SUPPRESS_CELLS = 11;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final PrivacyServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(PrivacyServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_DATASET:
          serviceImpl.createDataset((tw.jipan.privacy.v1.CreateDatasetRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.CreateDatasetResponse>) responseObserver);
          break;
        case METHODID_GET_DATASET:
          serviceImpl.getDataset((tw.jipan.privacy.v1.GetDatasetRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.GetDatasetResponse>) responseObserver);
          break;
        case METHODID_LIST_DATASETS:
          serviceImpl.listDatasets((tw.jipan.privacy.v1.ListDatasetsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.ListDatasetsResponse>) responseObserver);
          break;
        case METHODID_ASSESS_DATASET:
          serviceImpl.assessDataset((tw.jipan.privacy.v1.AssessDatasetRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.AssessDatasetResponse>) responseObserver);
          break;
        case METHODID_CREATE_RELEASE:
          serviceImpl.createRelease((tw.jipan.privacy.v1.CreateReleaseRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.CreateReleaseResponse>) responseObserver);
          break;
        case METHODID_LIST_RELEASES:
          serviceImpl.listReleases((tw.jipan.privacy.v1.ListReleasesRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.ListReleasesResponse>) responseObserver);
          break;
        case METHODID_PSEUDONYMISE_DATASET:
          serviceImpl.pseudonymiseDataset((tw.jipan.privacy.v1.PseudonymiseDatasetRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.PseudonymiseDatasetResponse>) responseObserver);
          break;
        case METHODID_ANONYMISE_DATASET:
          serviceImpl.anonymiseDataset((tw.jipan.privacy.v1.AnonymiseDatasetRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.AnonymiseDatasetResponse>) responseObserver);
          break;
        case METHODID_GET_OPERATION:
          serviceImpl.getOperation((tw.jipan.privacy.v1.GetOperationRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.GetOperationResponse>) responseObserver);
          break;
        case METHODID_ROTATE_PSEUDONYM_KEY:
          serviceImpl.rotatePseudonymKey((tw.jipan.privacy.v1.RotatePseudonymKeyRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.RotatePseudonymKeyResponse>) responseObserver);
          break;
        case METHODID_LINK_PSEUDONYMS:
          serviceImpl.linkPseudonyms((tw.jipan.privacy.v1.LinkPseudonymsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.LinkPseudonymsResponse>) responseObserver);
          break;
        case METHODID_SUPPRESS_CELLS:
          serviceImpl.suppressCells((tw.jipan.privacy.v1.SuppressCellsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.privacy.v1.SuppressCellsResponse>) responseObserver);
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

  private static abstract class PrivacyServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    PrivacyServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.privacy.v1.PrivacyServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("PrivacyService");
    }
  }

  private static final class PrivacyServiceFileDescriptorSupplier
      extends PrivacyServiceBaseDescriptorSupplier {
    PrivacyServiceFileDescriptorSupplier() {}
  }

  private static final class PrivacyServiceMethodDescriptorSupplier
      extends PrivacyServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    PrivacyServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (PrivacyServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new PrivacyServiceFileDescriptorSupplier())
              .addMethod(getCreateDatasetMethod())
              .addMethod(getGetDatasetMethod())
              .addMethod(getListDatasetsMethod())
              .addMethod(getAssessDatasetMethod())
              .addMethod(getCreateReleaseMethod())
              .addMethod(getListReleasesMethod())
              .addMethod(getPseudonymiseDatasetMethod())
              .addMethod(getAnonymiseDatasetMethod())
              .addMethod(getGetOperationMethod())
              .addMethod(getRotatePseudonymKeyMethod())
              .addMethod(getLinkPseudonymsMethod())
              .addMethod(getSuppressCellsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
