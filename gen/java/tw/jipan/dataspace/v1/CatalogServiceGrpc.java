package tw.jipan.dataspace.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The data space catalog: datasets described with DCAT, each offered under
 * ODRL usage policies. Every member of the mesh reads the catalog; a
 * dataset's publisher (the organisation in its name) alone changes it.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/dataspace/v1/catalog_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class CatalogServiceGrpc {

  private CatalogServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.dataspace.v1.CatalogService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.CreateDatasetRequest,
      tw.jipan.dataspace.v1.CreateDatasetResponse> getCreateDatasetMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateDataset",
      requestType = tw.jipan.dataspace.v1.CreateDatasetRequest.class,
      responseType = tw.jipan.dataspace.v1.CreateDatasetResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.CreateDatasetRequest,
      tw.jipan.dataspace.v1.CreateDatasetResponse> getCreateDatasetMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.CreateDatasetRequest, tw.jipan.dataspace.v1.CreateDatasetResponse> getCreateDatasetMethod;
    if ((getCreateDatasetMethod = CatalogServiceGrpc.getCreateDatasetMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getCreateDatasetMethod = CatalogServiceGrpc.getCreateDatasetMethod) == null) {
          CatalogServiceGrpc.getCreateDatasetMethod = getCreateDatasetMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.CreateDatasetRequest, tw.jipan.dataspace.v1.CreateDatasetResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateDataset"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.CreateDatasetRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.CreateDatasetResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("CreateDataset"))
              .build();
        }
      }
    }
    return getCreateDatasetMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.GetDatasetRequest,
      tw.jipan.dataspace.v1.GetDatasetResponse> getGetDatasetMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetDataset",
      requestType = tw.jipan.dataspace.v1.GetDatasetRequest.class,
      responseType = tw.jipan.dataspace.v1.GetDatasetResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.GetDatasetRequest,
      tw.jipan.dataspace.v1.GetDatasetResponse> getGetDatasetMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.GetDatasetRequest, tw.jipan.dataspace.v1.GetDatasetResponse> getGetDatasetMethod;
    if ((getGetDatasetMethod = CatalogServiceGrpc.getGetDatasetMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getGetDatasetMethod = CatalogServiceGrpc.getGetDatasetMethod) == null) {
          CatalogServiceGrpc.getGetDatasetMethod = getGetDatasetMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.GetDatasetRequest, tw.jipan.dataspace.v1.GetDatasetResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetDataset"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.GetDatasetRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.GetDatasetResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("GetDataset"))
              .build();
        }
      }
    }
    return getGetDatasetMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ListDatasetsRequest,
      tw.jipan.dataspace.v1.ListDatasetsResponse> getListDatasetsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListDatasets",
      requestType = tw.jipan.dataspace.v1.ListDatasetsRequest.class,
      responseType = tw.jipan.dataspace.v1.ListDatasetsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ListDatasetsRequest,
      tw.jipan.dataspace.v1.ListDatasetsResponse> getListDatasetsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ListDatasetsRequest, tw.jipan.dataspace.v1.ListDatasetsResponse> getListDatasetsMethod;
    if ((getListDatasetsMethod = CatalogServiceGrpc.getListDatasetsMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getListDatasetsMethod = CatalogServiceGrpc.getListDatasetsMethod) == null) {
          CatalogServiceGrpc.getListDatasetsMethod = getListDatasetsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.ListDatasetsRequest, tw.jipan.dataspace.v1.ListDatasetsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListDatasets"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.ListDatasetsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.ListDatasetsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("ListDatasets"))
              .build();
        }
      }
    }
    return getListDatasetsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.UpdateDatasetRequest,
      tw.jipan.dataspace.v1.UpdateDatasetResponse> getUpdateDatasetMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateDataset",
      requestType = tw.jipan.dataspace.v1.UpdateDatasetRequest.class,
      responseType = tw.jipan.dataspace.v1.UpdateDatasetResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.UpdateDatasetRequest,
      tw.jipan.dataspace.v1.UpdateDatasetResponse> getUpdateDatasetMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.UpdateDatasetRequest, tw.jipan.dataspace.v1.UpdateDatasetResponse> getUpdateDatasetMethod;
    if ((getUpdateDatasetMethod = CatalogServiceGrpc.getUpdateDatasetMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getUpdateDatasetMethod = CatalogServiceGrpc.getUpdateDatasetMethod) == null) {
          CatalogServiceGrpc.getUpdateDatasetMethod = getUpdateDatasetMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.UpdateDatasetRequest, tw.jipan.dataspace.v1.UpdateDatasetResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateDataset"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.UpdateDatasetRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.UpdateDatasetResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("UpdateDataset"))
              .build();
        }
      }
    }
    return getUpdateDatasetMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ExportCatalogRequest,
      tw.jipan.dataspace.v1.ExportCatalogResponse> getExportCatalogMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ExportCatalog",
      requestType = tw.jipan.dataspace.v1.ExportCatalogRequest.class,
      responseType = tw.jipan.dataspace.v1.ExportCatalogResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ExportCatalogRequest,
      tw.jipan.dataspace.v1.ExportCatalogResponse> getExportCatalogMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ExportCatalogRequest, tw.jipan.dataspace.v1.ExportCatalogResponse> getExportCatalogMethod;
    if ((getExportCatalogMethod = CatalogServiceGrpc.getExportCatalogMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getExportCatalogMethod = CatalogServiceGrpc.getExportCatalogMethod) == null) {
          CatalogServiceGrpc.getExportCatalogMethod = getExportCatalogMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.ExportCatalogRequest, tw.jipan.dataspace.v1.ExportCatalogResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ExportCatalog"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.ExportCatalogRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.ExportCatalogResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("ExportCatalog"))
              .build();
        }
      }
    }
    return getExportCatalogMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.UploadDistributionRequest,
      tw.jipan.dataspace.v1.UploadDistributionResponse> getUploadDistributionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UploadDistribution",
      requestType = tw.jipan.dataspace.v1.UploadDistributionRequest.class,
      responseType = tw.jipan.dataspace.v1.UploadDistributionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.CLIENT_STREAMING)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.UploadDistributionRequest,
      tw.jipan.dataspace.v1.UploadDistributionResponse> getUploadDistributionMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.UploadDistributionRequest, tw.jipan.dataspace.v1.UploadDistributionResponse> getUploadDistributionMethod;
    if ((getUploadDistributionMethod = CatalogServiceGrpc.getUploadDistributionMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getUploadDistributionMethod = CatalogServiceGrpc.getUploadDistributionMethod) == null) {
          CatalogServiceGrpc.getUploadDistributionMethod = getUploadDistributionMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.UploadDistributionRequest, tw.jipan.dataspace.v1.UploadDistributionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.CLIENT_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UploadDistribution"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.UploadDistributionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.UploadDistributionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("UploadDistribution"))
              .build();
        }
      }
    }
    return getUploadDistributionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.AssessDistributionRequest,
      tw.jipan.dataspace.v1.AssessDistributionResponse> getAssessDistributionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AssessDistribution",
      requestType = tw.jipan.dataspace.v1.AssessDistributionRequest.class,
      responseType = tw.jipan.dataspace.v1.AssessDistributionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.AssessDistributionRequest,
      tw.jipan.dataspace.v1.AssessDistributionResponse> getAssessDistributionMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.AssessDistributionRequest, tw.jipan.dataspace.v1.AssessDistributionResponse> getAssessDistributionMethod;
    if ((getAssessDistributionMethod = CatalogServiceGrpc.getAssessDistributionMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getAssessDistributionMethod = CatalogServiceGrpc.getAssessDistributionMethod) == null) {
          CatalogServiceGrpc.getAssessDistributionMethod = getAssessDistributionMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.AssessDistributionRequest, tw.jipan.dataspace.v1.AssessDistributionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AssessDistribution"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.AssessDistributionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.AssessDistributionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("AssessDistribution"))
              .build();
        }
      }
    }
    return getAssessDistributionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.PublishFactCheckDatasetRequest,
      tw.jipan.dataspace.v1.PublishFactCheckDatasetResponse> getPublishFactCheckDatasetMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "PublishFactCheckDataset",
      requestType = tw.jipan.dataspace.v1.PublishFactCheckDatasetRequest.class,
      responseType = tw.jipan.dataspace.v1.PublishFactCheckDatasetResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.PublishFactCheckDatasetRequest,
      tw.jipan.dataspace.v1.PublishFactCheckDatasetResponse> getPublishFactCheckDatasetMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.PublishFactCheckDatasetRequest, tw.jipan.dataspace.v1.PublishFactCheckDatasetResponse> getPublishFactCheckDatasetMethod;
    if ((getPublishFactCheckDatasetMethod = CatalogServiceGrpc.getPublishFactCheckDatasetMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getPublishFactCheckDatasetMethod = CatalogServiceGrpc.getPublishFactCheckDatasetMethod) == null) {
          CatalogServiceGrpc.getPublishFactCheckDatasetMethod = getPublishFactCheckDatasetMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.PublishFactCheckDatasetRequest, tw.jipan.dataspace.v1.PublishFactCheckDatasetResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "PublishFactCheckDataset"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.PublishFactCheckDatasetRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.PublishFactCheckDatasetResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("PublishFactCheckDataset"))
              .build();
        }
      }
    }
    return getPublishFactCheckDatasetMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.PublishSourceRatingsDatasetRequest,
      tw.jipan.dataspace.v1.PublishSourceRatingsDatasetResponse> getPublishSourceRatingsDatasetMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "PublishSourceRatingsDataset",
      requestType = tw.jipan.dataspace.v1.PublishSourceRatingsDatasetRequest.class,
      responseType = tw.jipan.dataspace.v1.PublishSourceRatingsDatasetResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.PublishSourceRatingsDatasetRequest,
      tw.jipan.dataspace.v1.PublishSourceRatingsDatasetResponse> getPublishSourceRatingsDatasetMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.PublishSourceRatingsDatasetRequest, tw.jipan.dataspace.v1.PublishSourceRatingsDatasetResponse> getPublishSourceRatingsDatasetMethod;
    if ((getPublishSourceRatingsDatasetMethod = CatalogServiceGrpc.getPublishSourceRatingsDatasetMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getPublishSourceRatingsDatasetMethod = CatalogServiceGrpc.getPublishSourceRatingsDatasetMethod) == null) {
          CatalogServiceGrpc.getPublishSourceRatingsDatasetMethod = getPublishSourceRatingsDatasetMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.PublishSourceRatingsDatasetRequest, tw.jipan.dataspace.v1.PublishSourceRatingsDatasetResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "PublishSourceRatingsDataset"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.PublishSourceRatingsDatasetRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.PublishSourceRatingsDatasetResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("PublishSourceRatingsDataset"))
              .build();
        }
      }
    }
    return getPublishSourceRatingsDatasetMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ValidatePolicyRequest,
      tw.jipan.dataspace.v1.ValidatePolicyResponse> getValidatePolicyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ValidatePolicy",
      requestType = tw.jipan.dataspace.v1.ValidatePolicyRequest.class,
      responseType = tw.jipan.dataspace.v1.ValidatePolicyResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ValidatePolicyRequest,
      tw.jipan.dataspace.v1.ValidatePolicyResponse> getValidatePolicyMethod() {
    io.grpc.MethodDescriptor<tw.jipan.dataspace.v1.ValidatePolicyRequest, tw.jipan.dataspace.v1.ValidatePolicyResponse> getValidatePolicyMethod;
    if ((getValidatePolicyMethod = CatalogServiceGrpc.getValidatePolicyMethod) == null) {
      synchronized (CatalogServiceGrpc.class) {
        if ((getValidatePolicyMethod = CatalogServiceGrpc.getValidatePolicyMethod) == null) {
          CatalogServiceGrpc.getValidatePolicyMethod = getValidatePolicyMethod =
              io.grpc.MethodDescriptor.<tw.jipan.dataspace.v1.ValidatePolicyRequest, tw.jipan.dataspace.v1.ValidatePolicyResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ValidatePolicy"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.ValidatePolicyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.dataspace.v1.ValidatePolicyResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogServiceMethodDescriptorSupplier("ValidatePolicy"))
              .build();
        }
      }
    }
    return getValidatePolicyMethod;
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
   * The data space catalog: datasets described with DCAT, each offered under
   * ODRL usage policies. Every member of the mesh reads the catalog; a
   * dataset's publisher (the organisation in its name) alone changes it.
   * </pre>
   */
  public static abstract class CatalogServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Publishes a dataset in the caller's organisation's catalog. Its offers'
     * policies are parsed and validated (POLICY_INVALID names the JSON path at
     * fault).
     * </pre>
     */
    public void createDataset(tw.jipan.dataspace.v1.CreateDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.CreateDatasetResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateDatasetMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one catalogued dataset.
     * </pre>
     */
    public void getDataset(tw.jipan.dataspace.v1.GetDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.GetDatasetResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetDatasetMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists catalogued datasets, newest first, optionally narrowed by
     * publisher, theme, keyword and a text query over titles, descriptions
     * and keywords (Chinese and English).
     * </pre>
     */
    public void listDatasets(tw.jipan.dataspace.v1.ListDatasetsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ListDatasetsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListDatasetsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Changes a dataset of the caller's organisation: the fields named in
     * `update_mask`. Negotiations already started keep the policy they
     * started from.
     * </pre>
     */
    public void updateDataset(tw.jipan.dataspace.v1.UpdateDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.UpdateDatasetResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateDatasetMethod(), responseObserver);
    }

    /**
     * <pre>
     * Exports catalogued datasets as a DCAT-AP JSON-LD dcat:Catalog.
     * </pre>
     */
    public void exportCatalog(tw.jipan.dataspace.v1.ExportCatalogRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ExportCatalogResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getExportCatalogMethod(), responseObserver);
    }

    /**
     * <pre>
     * Stores the data of one of the caller's organisation's distributions:
     * a header, then the bytes in chunks of at most 4 MiB; the size and
     * SHA-256 are computed while the data stream in and replace what the
     * distribution declared. Uploading again replaces the data.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.UploadDistributionRequest> uploadDistribution(
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.UploadDistributionResponse> responseObserver) {
      return io.grpc.stub.ServerCalls.asyncUnimplementedStreamingCall(getUploadDistributionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Has the privacy service assess the k-anonymity of one of the caller's
     * organisation's uploaded distributions: `privacy_dataset` names the
     * organisation's dataset in jipan.privacy.v1 whose CSV the distribution's
     * data are (its SHA-256 must equal the upload's: ASSESSMENT_MISMATCH
     * otherwise). dataspace calls privacy's GetDataset and AssessDataset with
     * the caller's own access token, so that token must also carry
     * `privacy.read`. The k found is kept on the distribution
     * (`anonymised_k`) until the data are uploaded again.
     * </pre>
     */
    public void assessDistribution(tw.jipan.dataspace.v1.AssessDistributionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.AssessDistributionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAssessDistributionMethod(), responseObserver);
    }

    /**
     * <pre>
     * The credibility data space (數據源公信力資料空間): publishes, or
     * refreshes, the caller's organisation's published fact-checks as a
     * dataset of its catalog, "orgs/{organization}/datasets/{dataset_id}",
     * under an open offer (use, with attribution) and with one distribution,
     * "claimreview": a JSON-LD array of schema.org ClaimReview documents, the
     * newest first. dataspace reads them from the factcheck service over its
     * public contract (SearchFactChecks by publisher, ExportClaimReview), so
     * only published fact-checks ever enter; drafts never do. Calling it again
     * replaces the data with what factcheck publishes now.
     * </pre>
     */
    public void publishFactCheckDataset(tw.jipan.dataspace.v1.PublishFactCheckDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.PublishFactCheckDatasetResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPublishFactCheckDatasetMethod(), responseObserver);
    }

    /**
     * <pre>
     * The credibility data space, source ratings: publishes, or refreshes,
     * the caller's organisation's published source credibility records
     * (factcheck's SourceService) as a dataset of its catalog,
     * "orgs/{organization}/datasets/{dataset_id}", under the same open offer
     * as PublishFactCheckDataset (use, with attribution) and with two
     * distributions: "source-ratings", a JSON array of the records, oldest
     * first, each {"name", "target", "normalized_target", "domain_wide",
     * "credibility" ("reliable", "mostly_reliable", "mixed", "unreliable",
     * "fabricated", "satire"), "evidence", "evidence_links" [{"uri",
     * "title"}], "assessed_by", "assess_time", "update_time"} (times RFC 3339
     * UTC); and "source-ratings-csv", the same records as CSV with a header
     * row (evidence links' URIs joined by spaces). dataspace reads them with ListSources (status PUBLISHED; drafts
     * and withdrawn records never enter; at most 10,000) with the caller's
     * own access token, which ListSources shows the caller's organisation's
     * records to, so the token carries `factcheck.read` as well. Calling it
     * again replaces the data with what factcheck holds as published now.
     * </pre>
     */
    public void publishSourceRatingsDataset(tw.jipan.dataspace.v1.PublishSourceRatingsDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.PublishSourceRatingsDatasetResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPublishSourceRatingsDatasetMethod(), responseObserver);
    }

    /**
     * <pre>
     * Checks a usage policy against Jipan's ODRL subset without storing it.
     * </pre>
     */
    public void validatePolicy(tw.jipan.dataspace.v1.ValidatePolicyRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ValidatePolicyResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getValidatePolicyMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getCreateDatasetMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.CreateDatasetRequest,
                tw.jipan.dataspace.v1.CreateDatasetResponse>(
                  this, METHODID_CREATE_DATASET)))
          .addMethod(
            getGetDatasetMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.GetDatasetRequest,
                tw.jipan.dataspace.v1.GetDatasetResponse>(
                  this, METHODID_GET_DATASET)))
          .addMethod(
            getListDatasetsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.ListDatasetsRequest,
                tw.jipan.dataspace.v1.ListDatasetsResponse>(
                  this, METHODID_LIST_DATASETS)))
          .addMethod(
            getUpdateDatasetMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.UpdateDatasetRequest,
                tw.jipan.dataspace.v1.UpdateDatasetResponse>(
                  this, METHODID_UPDATE_DATASET)))
          .addMethod(
            getExportCatalogMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.ExportCatalogRequest,
                tw.jipan.dataspace.v1.ExportCatalogResponse>(
                  this, METHODID_EXPORT_CATALOG)))
          .addMethod(
            getUploadDistributionMethod(),
            io.grpc.stub.ServerCalls.asyncClientStreamingCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.UploadDistributionRequest,
                tw.jipan.dataspace.v1.UploadDistributionResponse>(
                  this, METHODID_UPLOAD_DISTRIBUTION)))
          .addMethod(
            getAssessDistributionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.AssessDistributionRequest,
                tw.jipan.dataspace.v1.AssessDistributionResponse>(
                  this, METHODID_ASSESS_DISTRIBUTION)))
          .addMethod(
            getPublishFactCheckDatasetMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.PublishFactCheckDatasetRequest,
                tw.jipan.dataspace.v1.PublishFactCheckDatasetResponse>(
                  this, METHODID_PUBLISH_FACT_CHECK_DATASET)))
          .addMethod(
            getPublishSourceRatingsDatasetMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.PublishSourceRatingsDatasetRequest,
                tw.jipan.dataspace.v1.PublishSourceRatingsDatasetResponse>(
                  this, METHODID_PUBLISH_SOURCE_RATINGS_DATASET)))
          .addMethod(
            getValidatePolicyMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.dataspace.v1.ValidatePolicyRequest,
                tw.jipan.dataspace.v1.ValidatePolicyResponse>(
                  this, METHODID_VALIDATE_POLICY)))
          .build();
    }
  }

  /**
   * <pre>
   * The data space catalog: datasets described with DCAT, each offered under
   * ODRL usage policies. Every member of the mesh reads the catalog; a
   * dataset's publisher (the organisation in its name) alone changes it.
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
     * Publishes a dataset in the caller's organisation's catalog. Its offers'
     * policies are parsed and validated (POLICY_INVALID names the JSON path at
     * fault).
     * </pre>
     */
    public void createDataset(tw.jipan.dataspace.v1.CreateDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.CreateDatasetResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateDatasetMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one catalogued dataset.
     * </pre>
     */
    public void getDataset(tw.jipan.dataspace.v1.GetDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.GetDatasetResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetDatasetMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists catalogued datasets, newest first, optionally narrowed by
     * publisher, theme, keyword and a text query over titles, descriptions
     * and keywords (Chinese and English).
     * </pre>
     */
    public void listDatasets(tw.jipan.dataspace.v1.ListDatasetsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ListDatasetsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListDatasetsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Changes a dataset of the caller's organisation: the fields named in
     * `update_mask`. Negotiations already started keep the policy they
     * started from.
     * </pre>
     */
    public void updateDataset(tw.jipan.dataspace.v1.UpdateDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.UpdateDatasetResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateDatasetMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Exports catalogued datasets as a DCAT-AP JSON-LD dcat:Catalog.
     * </pre>
     */
    public void exportCatalog(tw.jipan.dataspace.v1.ExportCatalogRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ExportCatalogResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getExportCatalogMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Stores the data of one of the caller's organisation's distributions:
     * a header, then the bytes in chunks of at most 4 MiB; the size and
     * SHA-256 are computed while the data stream in and replace what the
     * distribution declared. Uploading again replaces the data.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.UploadDistributionRequest> uploadDistribution(
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.UploadDistributionResponse> responseObserver) {
      return io.grpc.stub.ClientCalls.asyncClientStreamingCall(
          getChannel().newCall(getUploadDistributionMethod(), getCallOptions()), responseObserver);
    }

    /**
     * <pre>
     * Has the privacy service assess the k-anonymity of one of the caller's
     * organisation's uploaded distributions: `privacy_dataset` names the
     * organisation's dataset in jipan.privacy.v1 whose CSV the distribution's
     * data are (its SHA-256 must equal the upload's: ASSESSMENT_MISMATCH
     * otherwise). dataspace calls privacy's GetDataset and AssessDataset with
     * the caller's own access token, so that token must also carry
     * `privacy.read`. The k found is kept on the distribution
     * (`anonymised_k`) until the data are uploaded again.
     * </pre>
     */
    public void assessDistribution(tw.jipan.dataspace.v1.AssessDistributionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.AssessDistributionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAssessDistributionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The credibility data space (數據源公信力資料空間): publishes, or
     * refreshes, the caller's organisation's published fact-checks as a
     * dataset of its catalog, "orgs/{organization}/datasets/{dataset_id}",
     * under an open offer (use, with attribution) and with one distribution,
     * "claimreview": a JSON-LD array of schema.org ClaimReview documents, the
     * newest first. dataspace reads them from the factcheck service over its
     * public contract (SearchFactChecks by publisher, ExportClaimReview), so
     * only published fact-checks ever enter; drafts never do. Calling it again
     * replaces the data with what factcheck publishes now.
     * </pre>
     */
    public void publishFactCheckDataset(tw.jipan.dataspace.v1.PublishFactCheckDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.PublishFactCheckDatasetResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPublishFactCheckDatasetMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The credibility data space, source ratings: publishes, or refreshes,
     * the caller's organisation's published source credibility records
     * (factcheck's SourceService) as a dataset of its catalog,
     * "orgs/{organization}/datasets/{dataset_id}", under the same open offer
     * as PublishFactCheckDataset (use, with attribution) and with two
     * distributions: "source-ratings", a JSON array of the records, oldest
     * first, each {"name", "target", "normalized_target", "domain_wide",
     * "credibility" ("reliable", "mostly_reliable", "mixed", "unreliable",
     * "fabricated", "satire"), "evidence", "evidence_links" [{"uri",
     * "title"}], "assessed_by", "assess_time", "update_time"} (times RFC 3339
     * UTC); and "source-ratings-csv", the same records as CSV with a header
     * row (evidence links' URIs joined by spaces). dataspace reads them with ListSources (status PUBLISHED; drafts
     * and withdrawn records never enter; at most 10,000) with the caller's
     * own access token, which ListSources shows the caller's organisation's
     * records to, so the token carries `factcheck.read` as well. Calling it
     * again replaces the data with what factcheck holds as published now.
     * </pre>
     */
    public void publishSourceRatingsDataset(tw.jipan.dataspace.v1.PublishSourceRatingsDatasetRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.PublishSourceRatingsDatasetResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPublishSourceRatingsDatasetMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Checks a usage policy against Jipan's ODRL subset without storing it.
     * </pre>
     */
    public void validatePolicy(tw.jipan.dataspace.v1.ValidatePolicyRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ValidatePolicyResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getValidatePolicyMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * The data space catalog: datasets described with DCAT, each offered under
   * ODRL usage policies. Every member of the mesh reads the catalog; a
   * dataset's publisher (the organisation in its name) alone changes it.
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
     * Publishes a dataset in the caller's organisation's catalog. Its offers'
     * policies are parsed and validated (POLICY_INVALID names the JSON path at
     * fault).
     * </pre>
     */
    public tw.jipan.dataspace.v1.CreateDatasetResponse createDataset(tw.jipan.dataspace.v1.CreateDatasetRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateDatasetMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one catalogued dataset.
     * </pre>
     */
    public tw.jipan.dataspace.v1.GetDatasetResponse getDataset(tw.jipan.dataspace.v1.GetDatasetRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetDatasetMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists catalogued datasets, newest first, optionally narrowed by
     * publisher, theme, keyword and a text query over titles, descriptions
     * and keywords (Chinese and English).
     * </pre>
     */
    public tw.jipan.dataspace.v1.ListDatasetsResponse listDatasets(tw.jipan.dataspace.v1.ListDatasetsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListDatasetsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes a dataset of the caller's organisation: the fields named in
     * `update_mask`. Negotiations already started keep the policy they
     * started from.
     * </pre>
     */
    public tw.jipan.dataspace.v1.UpdateDatasetResponse updateDataset(tw.jipan.dataspace.v1.UpdateDatasetRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateDatasetMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Exports catalogued datasets as a DCAT-AP JSON-LD dcat:Catalog.
     * </pre>
     */
    public tw.jipan.dataspace.v1.ExportCatalogResponse exportCatalog(tw.jipan.dataspace.v1.ExportCatalogRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getExportCatalogMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Has the privacy service assess the k-anonymity of one of the caller's
     * organisation's uploaded distributions: `privacy_dataset` names the
     * organisation's dataset in jipan.privacy.v1 whose CSV the distribution's
     * data are (its SHA-256 must equal the upload's: ASSESSMENT_MISMATCH
     * otherwise). dataspace calls privacy's GetDataset and AssessDataset with
     * the caller's own access token, so that token must also carry
     * `privacy.read`. The k found is kept on the distribution
     * (`anonymised_k`) until the data are uploaded again.
     * </pre>
     */
    public tw.jipan.dataspace.v1.AssessDistributionResponse assessDistribution(tw.jipan.dataspace.v1.AssessDistributionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAssessDistributionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The credibility data space (數據源公信力資料空間): publishes, or
     * refreshes, the caller's organisation's published fact-checks as a
     * dataset of its catalog, "orgs/{organization}/datasets/{dataset_id}",
     * under an open offer (use, with attribution) and with one distribution,
     * "claimreview": a JSON-LD array of schema.org ClaimReview documents, the
     * newest first. dataspace reads them from the factcheck service over its
     * public contract (SearchFactChecks by publisher, ExportClaimReview), so
     * only published fact-checks ever enter; drafts never do. Calling it again
     * replaces the data with what factcheck publishes now.
     * </pre>
     */
    public tw.jipan.dataspace.v1.PublishFactCheckDatasetResponse publishFactCheckDataset(tw.jipan.dataspace.v1.PublishFactCheckDatasetRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPublishFactCheckDatasetMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The credibility data space, source ratings: publishes, or refreshes,
     * the caller's organisation's published source credibility records
     * (factcheck's SourceService) as a dataset of its catalog,
     * "orgs/{organization}/datasets/{dataset_id}", under the same open offer
     * as PublishFactCheckDataset (use, with attribution) and with two
     * distributions: "source-ratings", a JSON array of the records, oldest
     * first, each {"name", "target", "normalized_target", "domain_wide",
     * "credibility" ("reliable", "mostly_reliable", "mixed", "unreliable",
     * "fabricated", "satire"), "evidence", "evidence_links" [{"uri",
     * "title"}], "assessed_by", "assess_time", "update_time"} (times RFC 3339
     * UTC); and "source-ratings-csv", the same records as CSV with a header
     * row (evidence links' URIs joined by spaces). dataspace reads them with ListSources (status PUBLISHED; drafts
     * and withdrawn records never enter; at most 10,000) with the caller's
     * own access token, which ListSources shows the caller's organisation's
     * records to, so the token carries `factcheck.read` as well. Calling it
     * again replaces the data with what factcheck holds as published now.
     * </pre>
     */
    public tw.jipan.dataspace.v1.PublishSourceRatingsDatasetResponse publishSourceRatingsDataset(tw.jipan.dataspace.v1.PublishSourceRatingsDatasetRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPublishSourceRatingsDatasetMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Checks a usage policy against Jipan's ODRL subset without storing it.
     * </pre>
     */
    public tw.jipan.dataspace.v1.ValidatePolicyResponse validatePolicy(tw.jipan.dataspace.v1.ValidatePolicyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getValidatePolicyMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * The data space catalog: datasets described with DCAT, each offered under
   * ODRL usage policies. Every member of the mesh reads the catalog; a
   * dataset's publisher (the organisation in its name) alone changes it.
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
     * Publishes a dataset in the caller's organisation's catalog. Its offers'
     * policies are parsed and validated (POLICY_INVALID names the JSON path at
     * fault).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.CreateDatasetResponse> createDataset(
        tw.jipan.dataspace.v1.CreateDatasetRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateDatasetMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one catalogued dataset.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.GetDatasetResponse> getDataset(
        tw.jipan.dataspace.v1.GetDatasetRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetDatasetMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists catalogued datasets, newest first, optionally narrowed by
     * publisher, theme, keyword and a text query over titles, descriptions
     * and keywords (Chinese and English).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.ListDatasetsResponse> listDatasets(
        tw.jipan.dataspace.v1.ListDatasetsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListDatasetsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Changes a dataset of the caller's organisation: the fields named in
     * `update_mask`. Negotiations already started keep the policy they
     * started from.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.UpdateDatasetResponse> updateDataset(
        tw.jipan.dataspace.v1.UpdateDatasetRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateDatasetMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Exports catalogued datasets as a DCAT-AP JSON-LD dcat:Catalog.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.ExportCatalogResponse> exportCatalog(
        tw.jipan.dataspace.v1.ExportCatalogRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getExportCatalogMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Has the privacy service assess the k-anonymity of one of the caller's
     * organisation's uploaded distributions: `privacy_dataset` names the
     * organisation's dataset in jipan.privacy.v1 whose CSV the distribution's
     * data are (its SHA-256 must equal the upload's: ASSESSMENT_MISMATCH
     * otherwise). dataspace calls privacy's GetDataset and AssessDataset with
     * the caller's own access token, so that token must also carry
     * `privacy.read`. The k found is kept on the distribution
     * (`anonymised_k`) until the data are uploaded again.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.AssessDistributionResponse> assessDistribution(
        tw.jipan.dataspace.v1.AssessDistributionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAssessDistributionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The credibility data space (數據源公信力資料空間): publishes, or
     * refreshes, the caller's organisation's published fact-checks as a
     * dataset of its catalog, "orgs/{organization}/datasets/{dataset_id}",
     * under an open offer (use, with attribution) and with one distribution,
     * "claimreview": a JSON-LD array of schema.org ClaimReview documents, the
     * newest first. dataspace reads them from the factcheck service over its
     * public contract (SearchFactChecks by publisher, ExportClaimReview), so
     * only published fact-checks ever enter; drafts never do. Calling it again
     * replaces the data with what factcheck publishes now.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.PublishFactCheckDatasetResponse> publishFactCheckDataset(
        tw.jipan.dataspace.v1.PublishFactCheckDatasetRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPublishFactCheckDatasetMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The credibility data space, source ratings: publishes, or refreshes,
     * the caller's organisation's published source credibility records
     * (factcheck's SourceService) as a dataset of its catalog,
     * "orgs/{organization}/datasets/{dataset_id}", under the same open offer
     * as PublishFactCheckDataset (use, with attribution) and with two
     * distributions: "source-ratings", a JSON array of the records, oldest
     * first, each {"name", "target", "normalized_target", "domain_wide",
     * "credibility" ("reliable", "mostly_reliable", "mixed", "unreliable",
     * "fabricated", "satire"), "evidence", "evidence_links" [{"uri",
     * "title"}], "assessed_by", "assess_time", "update_time"} (times RFC 3339
     * UTC); and "source-ratings-csv", the same records as CSV with a header
     * row (evidence links' URIs joined by spaces). dataspace reads them with ListSources (status PUBLISHED; drafts
     * and withdrawn records never enter; at most 10,000) with the caller's
     * own access token, which ListSources shows the caller's organisation's
     * records to, so the token carries `factcheck.read` as well. Calling it
     * again replaces the data with what factcheck holds as published now.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.PublishSourceRatingsDatasetResponse> publishSourceRatingsDataset(
        tw.jipan.dataspace.v1.PublishSourceRatingsDatasetRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPublishSourceRatingsDatasetMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Checks a usage policy against Jipan's ODRL subset without storing it.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.dataspace.v1.ValidatePolicyResponse> validatePolicy(
        tw.jipan.dataspace.v1.ValidatePolicyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getValidatePolicyMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_DATASET = 0;
  private static final int METHODID_GET_DATASET = 1;
  private static final int METHODID_LIST_DATASETS = 2;
  private static final int METHODID_UPDATE_DATASET = 3;
  private static final int METHODID_EXPORT_CATALOG = 4;
  private static final int METHODID_ASSESS_DISTRIBUTION = 5;
  private static final int METHODID_PUBLISH_FACT_CHECK_DATASET = 6;
  private static final int METHODID_PUBLISH_SOURCE_RATINGS_DATASET = 7;
  private static final int METHODID_VALIDATE_POLICY = 8;
  private static final int METHODID_UPLOAD_DISTRIBUTION = 9;

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
        case METHODID_CREATE_DATASET:
          serviceImpl.createDataset((tw.jipan.dataspace.v1.CreateDatasetRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.CreateDatasetResponse>) responseObserver);
          break;
        case METHODID_GET_DATASET:
          serviceImpl.getDataset((tw.jipan.dataspace.v1.GetDatasetRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.GetDatasetResponse>) responseObserver);
          break;
        case METHODID_LIST_DATASETS:
          serviceImpl.listDatasets((tw.jipan.dataspace.v1.ListDatasetsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ListDatasetsResponse>) responseObserver);
          break;
        case METHODID_UPDATE_DATASET:
          serviceImpl.updateDataset((tw.jipan.dataspace.v1.UpdateDatasetRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.UpdateDatasetResponse>) responseObserver);
          break;
        case METHODID_EXPORT_CATALOG:
          serviceImpl.exportCatalog((tw.jipan.dataspace.v1.ExportCatalogRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ExportCatalogResponse>) responseObserver);
          break;
        case METHODID_ASSESS_DISTRIBUTION:
          serviceImpl.assessDistribution((tw.jipan.dataspace.v1.AssessDistributionRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.AssessDistributionResponse>) responseObserver);
          break;
        case METHODID_PUBLISH_FACT_CHECK_DATASET:
          serviceImpl.publishFactCheckDataset((tw.jipan.dataspace.v1.PublishFactCheckDatasetRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.PublishFactCheckDatasetResponse>) responseObserver);
          break;
        case METHODID_PUBLISH_SOURCE_RATINGS_DATASET:
          serviceImpl.publishSourceRatingsDataset((tw.jipan.dataspace.v1.PublishSourceRatingsDatasetRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.PublishSourceRatingsDatasetResponse>) responseObserver);
          break;
        case METHODID_VALIDATE_POLICY:
          serviceImpl.validatePolicy((tw.jipan.dataspace.v1.ValidatePolicyRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.ValidatePolicyResponse>) responseObserver);
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
        case METHODID_UPLOAD_DISTRIBUTION:
          return (io.grpc.stub.StreamObserver<Req>) serviceImpl.uploadDistribution(
              (io.grpc.stub.StreamObserver<tw.jipan.dataspace.v1.UploadDistributionResponse>) responseObserver);
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
      return tw.jipan.dataspace.v1.CatalogServiceProto.getDescriptor();
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
              .addMethod(getCreateDatasetMethod())
              .addMethod(getGetDatasetMethod())
              .addMethod(getListDatasetsMethod())
              .addMethod(getUpdateDatasetMethod())
              .addMethod(getExportCatalogMethod())
              .addMethod(getUploadDistributionMethod())
              .addMethod(getAssessDistributionMethod())
              .addMethod(getPublishFactCheckDatasetMethod())
              .addMethod(getPublishSourceRatingsDatasetMethod())
              .addMethod(getValidatePolicyMethod())
              .build();
        }
      }
    }
    return result;
  }
}
