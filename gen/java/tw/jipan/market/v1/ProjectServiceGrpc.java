package tw.jipan.market.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The marketplace's catalog: open-source projects imported from their
 * registries' metadata, their versions with SPDX licences and purls, the
 * advisories known for each version (procurement's OSV store, the one the
 * review gate uses) and their health. Every authenticated caller reads the
 * whole catalog; importing needs `market.write`.
 * </pre>
 */
@javax.annotation.Generated(
    value = "by gRPC proto compiler",
    comments = "Source: jipan/market/v1/project_service.proto")
@io.grpc.stub.annotations.GrpcGenerated
public final class ProjectServiceGrpc {

  private ProjectServiceGrpc() {}

  public static final String SERVICE_NAME = "jipan.market.v1.ProjectService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ImportProjectRequest,
      tw.jipan.market.v1.ImportProjectResponse> getImportProjectMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ImportProject",
      requestType = tw.jipan.market.v1.ImportProjectRequest.class,
      responseType = tw.jipan.market.v1.ImportProjectResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ImportProjectRequest,
      tw.jipan.market.v1.ImportProjectResponse> getImportProjectMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ImportProjectRequest, tw.jipan.market.v1.ImportProjectResponse> getImportProjectMethod;
    if ((getImportProjectMethod = ProjectServiceGrpc.getImportProjectMethod) == null) {
      synchronized (ProjectServiceGrpc.class) {
        if ((getImportProjectMethod = ProjectServiceGrpc.getImportProjectMethod) == null) {
          ProjectServiceGrpc.getImportProjectMethod = getImportProjectMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ImportProjectRequest, tw.jipan.market.v1.ImportProjectResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ImportProject"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ImportProjectRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ImportProjectResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProjectServiceMethodDescriptorSupplier("ImportProject"))
              .build();
        }
      }
    }
    return getImportProjectMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.GetProjectRequest,
      tw.jipan.market.v1.GetProjectResponse> getGetProjectMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetProject",
      requestType = tw.jipan.market.v1.GetProjectRequest.class,
      responseType = tw.jipan.market.v1.GetProjectResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.GetProjectRequest,
      tw.jipan.market.v1.GetProjectResponse> getGetProjectMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.GetProjectRequest, tw.jipan.market.v1.GetProjectResponse> getGetProjectMethod;
    if ((getGetProjectMethod = ProjectServiceGrpc.getGetProjectMethod) == null) {
      synchronized (ProjectServiceGrpc.class) {
        if ((getGetProjectMethod = ProjectServiceGrpc.getGetProjectMethod) == null) {
          ProjectServiceGrpc.getGetProjectMethod = getGetProjectMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.GetProjectRequest, tw.jipan.market.v1.GetProjectResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetProject"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetProjectRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetProjectResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProjectServiceMethodDescriptorSupplier("GetProject"))
              .build();
        }
      }
    }
    return getGetProjectMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListProjectsRequest,
      tw.jipan.market.v1.ListProjectsResponse> getListProjectsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListProjects",
      requestType = tw.jipan.market.v1.ListProjectsRequest.class,
      responseType = tw.jipan.market.v1.ListProjectsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListProjectsRequest,
      tw.jipan.market.v1.ListProjectsResponse> getListProjectsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListProjectsRequest, tw.jipan.market.v1.ListProjectsResponse> getListProjectsMethod;
    if ((getListProjectsMethod = ProjectServiceGrpc.getListProjectsMethod) == null) {
      synchronized (ProjectServiceGrpc.class) {
        if ((getListProjectsMethod = ProjectServiceGrpc.getListProjectsMethod) == null) {
          ProjectServiceGrpc.getListProjectsMethod = getListProjectsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListProjectsRequest, tw.jipan.market.v1.ListProjectsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListProjects"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListProjectsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListProjectsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProjectServiceMethodDescriptorSupplier("ListProjects"))
              .build();
        }
      }
    }
    return getListProjectsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.SearchProjectsRequest,
      tw.jipan.market.v1.SearchProjectsResponse> getSearchProjectsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SearchProjects",
      requestType = tw.jipan.market.v1.SearchProjectsRequest.class,
      responseType = tw.jipan.market.v1.SearchProjectsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.SearchProjectsRequest,
      tw.jipan.market.v1.SearchProjectsResponse> getSearchProjectsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.SearchProjectsRequest, tw.jipan.market.v1.SearchProjectsResponse> getSearchProjectsMethod;
    if ((getSearchProjectsMethod = ProjectServiceGrpc.getSearchProjectsMethod) == null) {
      synchronized (ProjectServiceGrpc.class) {
        if ((getSearchProjectsMethod = ProjectServiceGrpc.getSearchProjectsMethod) == null) {
          ProjectServiceGrpc.getSearchProjectsMethod = getSearchProjectsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.SearchProjectsRequest, tw.jipan.market.v1.SearchProjectsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SearchProjects"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.SearchProjectsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.SearchProjectsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProjectServiceMethodDescriptorSupplier("SearchProjects"))
              .build();
        }
      }
    }
    return getSearchProjectsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.UpdateProjectRequest,
      tw.jipan.market.v1.UpdateProjectResponse> getUpdateProjectMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateProject",
      requestType = tw.jipan.market.v1.UpdateProjectRequest.class,
      responseType = tw.jipan.market.v1.UpdateProjectResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.UpdateProjectRequest,
      tw.jipan.market.v1.UpdateProjectResponse> getUpdateProjectMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.UpdateProjectRequest, tw.jipan.market.v1.UpdateProjectResponse> getUpdateProjectMethod;
    if ((getUpdateProjectMethod = ProjectServiceGrpc.getUpdateProjectMethod) == null) {
      synchronized (ProjectServiceGrpc.class) {
        if ((getUpdateProjectMethod = ProjectServiceGrpc.getUpdateProjectMethod) == null) {
          ProjectServiceGrpc.getUpdateProjectMethod = getUpdateProjectMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.UpdateProjectRequest, tw.jipan.market.v1.UpdateProjectResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateProject"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.UpdateProjectRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.UpdateProjectResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProjectServiceMethodDescriptorSupplier("UpdateProject"))
              .build();
        }
      }
    }
    return getUpdateProjectMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.GetVersionRequest,
      tw.jipan.market.v1.GetVersionResponse> getGetVersionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetVersion",
      requestType = tw.jipan.market.v1.GetVersionRequest.class,
      responseType = tw.jipan.market.v1.GetVersionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.GetVersionRequest,
      tw.jipan.market.v1.GetVersionResponse> getGetVersionMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.GetVersionRequest, tw.jipan.market.v1.GetVersionResponse> getGetVersionMethod;
    if ((getGetVersionMethod = ProjectServiceGrpc.getGetVersionMethod) == null) {
      synchronized (ProjectServiceGrpc.class) {
        if ((getGetVersionMethod = ProjectServiceGrpc.getGetVersionMethod) == null) {
          ProjectServiceGrpc.getGetVersionMethod = getGetVersionMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.GetVersionRequest, tw.jipan.market.v1.GetVersionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetVersion"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetVersionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetVersionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProjectServiceMethodDescriptorSupplier("GetVersion"))
              .build();
        }
      }
    }
    return getGetVersionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListVersionsRequest,
      tw.jipan.market.v1.ListVersionsResponse> getListVersionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListVersions",
      requestType = tw.jipan.market.v1.ListVersionsRequest.class,
      responseType = tw.jipan.market.v1.ListVersionsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListVersionsRequest,
      tw.jipan.market.v1.ListVersionsResponse> getListVersionsMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListVersionsRequest, tw.jipan.market.v1.ListVersionsResponse> getListVersionsMethod;
    if ((getListVersionsMethod = ProjectServiceGrpc.getListVersionsMethod) == null) {
      synchronized (ProjectServiceGrpc.class) {
        if ((getListVersionsMethod = ProjectServiceGrpc.getListVersionsMethod) == null) {
          ProjectServiceGrpc.getListVersionsMethod = getListVersionsMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListVersionsRequest, tw.jipan.market.v1.ListVersionsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListVersions"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListVersionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListVersionsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProjectServiceMethodDescriptorSupplier("ListVersions"))
              .build();
        }
      }
    }
    return getListVersionsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.ListVersionAdvisoriesRequest,
      tw.jipan.market.v1.ListVersionAdvisoriesResponse> getListVersionAdvisoriesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListVersionAdvisories",
      requestType = tw.jipan.market.v1.ListVersionAdvisoriesRequest.class,
      responseType = tw.jipan.market.v1.ListVersionAdvisoriesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.ListVersionAdvisoriesRequest,
      tw.jipan.market.v1.ListVersionAdvisoriesResponse> getListVersionAdvisoriesMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.ListVersionAdvisoriesRequest, tw.jipan.market.v1.ListVersionAdvisoriesResponse> getListVersionAdvisoriesMethod;
    if ((getListVersionAdvisoriesMethod = ProjectServiceGrpc.getListVersionAdvisoriesMethod) == null) {
      synchronized (ProjectServiceGrpc.class) {
        if ((getListVersionAdvisoriesMethod = ProjectServiceGrpc.getListVersionAdvisoriesMethod) == null) {
          ProjectServiceGrpc.getListVersionAdvisoriesMethod = getListVersionAdvisoriesMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.ListVersionAdvisoriesRequest, tw.jipan.market.v1.ListVersionAdvisoriesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListVersionAdvisories"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListVersionAdvisoriesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.ListVersionAdvisoriesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProjectServiceMethodDescriptorSupplier("ListVersionAdvisories"))
              .build();
        }
      }
    }
    return getListVersionAdvisoriesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<tw.jipan.market.v1.GetProjectHealthRequest,
      tw.jipan.market.v1.GetProjectHealthResponse> getGetProjectHealthMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetProjectHealth",
      requestType = tw.jipan.market.v1.GetProjectHealthRequest.class,
      responseType = tw.jipan.market.v1.GetProjectHealthResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<tw.jipan.market.v1.GetProjectHealthRequest,
      tw.jipan.market.v1.GetProjectHealthResponse> getGetProjectHealthMethod() {
    io.grpc.MethodDescriptor<tw.jipan.market.v1.GetProjectHealthRequest, tw.jipan.market.v1.GetProjectHealthResponse> getGetProjectHealthMethod;
    if ((getGetProjectHealthMethod = ProjectServiceGrpc.getGetProjectHealthMethod) == null) {
      synchronized (ProjectServiceGrpc.class) {
        if ((getGetProjectHealthMethod = ProjectServiceGrpc.getGetProjectHealthMethod) == null) {
          ProjectServiceGrpc.getGetProjectHealthMethod = getGetProjectHealthMethod =
              io.grpc.MethodDescriptor.<tw.jipan.market.v1.GetProjectHealthRequest, tw.jipan.market.v1.GetProjectHealthResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetProjectHealth"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetProjectHealthRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  tw.jipan.market.v1.GetProjectHealthResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ProjectServiceMethodDescriptorSupplier("GetProjectHealth"))
              .build();
        }
      }
    }
    return getGetProjectHealthMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static ProjectServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ProjectServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ProjectServiceStub>() {
        @java.lang.Override
        public ProjectServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ProjectServiceStub(channel, callOptions);
        }
      };
    return ProjectServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static ProjectServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ProjectServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ProjectServiceBlockingStub>() {
        @java.lang.Override
        public ProjectServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ProjectServiceBlockingStub(channel, callOptions);
        }
      };
    return ProjectServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static ProjectServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ProjectServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ProjectServiceFutureStub>() {
        @java.lang.Override
        public ProjectServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ProjectServiceFutureStub(channel, callOptions);
        }
      };
    return ProjectServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * The marketplace's catalog: open-source projects imported from their
   * registries' metadata, their versions with SPDX licences and purls, the
   * advisories known for each version (procurement's OSV store, the one the
   * review gate uses) and their health. Every authenticated caller reads the
   * whole catalog; importing needs `market.write`.
   * </pre>
   */
  public static abstract class ProjectServiceImplBase implements io.grpc.BindableService {

    /**
     * <pre>
     * Imports a project, or new versions of it, from a registry metadata
     * document: PyPI's JSON API, an npm packument, a Maven POM. Nothing is
     * fetched from the network: the caller sends the document. Importing the
     * same document again changes nothing; a newer one adds versions and
     * updates the project's fields taken from metadata.
     * </pre>
     */
    public void importProject(tw.jipan.market.v1.ImportProjectRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ImportProjectResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getImportProjectMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one project.
     * </pre>
     */
    public void getProject(tw.jipan.market.v1.GetProjectRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetProjectResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetProjectMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists projects by name.
     * </pre>
     */
    public void listProjects(tw.jipan.market.v1.ListProjectsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListProjectsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListProjectsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Finds projects whose name, description, keywords or categories hold
     * every word of the query (Chinese by character bigrams, other scripts by
     * words: the search component procurement's catalog uses), best health
     * first.
     * </pre>
     */
    public void searchProjects(tw.jipan.market.v1.SearchProjectsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.SearchProjectsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSearchProjectsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Changes a project's curated fields (description, categories, homepage,
     * repository). Only its verified publisher may; before a claim is
     * verified, the organisation that imported it.
     * </pre>
     */
    public void updateProject(tw.jipan.market.v1.UpdateProjectRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.UpdateProjectResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateProjectMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one version.
     * </pre>
     */
    public void getVersion(tw.jipan.market.v1.GetVersionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetVersionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetVersionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a project's versions, newest first by the ecosystem's ordering.
     * </pre>
     */
    public void listVersions(tw.jipan.market.v1.ListVersionsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListVersionsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListVersionsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the known advisories that affect one version, with the lowest
     * fixed version of each, from the OSV store procurement's review gate
     * keeps (ImportAdvisories there).
     * </pre>
     */
    public void listVersionAdvisories(tw.jipan.market.v1.ListVersionAdvisoriesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListVersionAdvisoriesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListVersionAdvisoriesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Computes a project's health report now, each check with its evidence.
     * </pre>
     */
    public void getProjectHealth(tw.jipan.market.v1.GetProjectHealthRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetProjectHealthResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetProjectHealthMethod(), responseObserver);
    }

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
          .addMethod(
            getImportProjectMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ImportProjectRequest,
                tw.jipan.market.v1.ImportProjectResponse>(
                  this, METHODID_IMPORT_PROJECT)))
          .addMethod(
            getGetProjectMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.GetProjectRequest,
                tw.jipan.market.v1.GetProjectResponse>(
                  this, METHODID_GET_PROJECT)))
          .addMethod(
            getListProjectsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListProjectsRequest,
                tw.jipan.market.v1.ListProjectsResponse>(
                  this, METHODID_LIST_PROJECTS)))
          .addMethod(
            getSearchProjectsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.SearchProjectsRequest,
                tw.jipan.market.v1.SearchProjectsResponse>(
                  this, METHODID_SEARCH_PROJECTS)))
          .addMethod(
            getUpdateProjectMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.UpdateProjectRequest,
                tw.jipan.market.v1.UpdateProjectResponse>(
                  this, METHODID_UPDATE_PROJECT)))
          .addMethod(
            getGetVersionMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.GetVersionRequest,
                tw.jipan.market.v1.GetVersionResponse>(
                  this, METHODID_GET_VERSION)))
          .addMethod(
            getListVersionsMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListVersionsRequest,
                tw.jipan.market.v1.ListVersionsResponse>(
                  this, METHODID_LIST_VERSIONS)))
          .addMethod(
            getListVersionAdvisoriesMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.ListVersionAdvisoriesRequest,
                tw.jipan.market.v1.ListVersionAdvisoriesResponse>(
                  this, METHODID_LIST_VERSION_ADVISORIES)))
          .addMethod(
            getGetProjectHealthMethod(),
            io.grpc.stub.ServerCalls.asyncUnaryCall(
              new MethodHandlers<
                tw.jipan.market.v1.GetProjectHealthRequest,
                tw.jipan.market.v1.GetProjectHealthResponse>(
                  this, METHODID_GET_PROJECT_HEALTH)))
          .build();
    }
  }

  /**
   * <pre>
   * The marketplace's catalog: open-source projects imported from their
   * registries' metadata, their versions with SPDX licences and purls, the
   * advisories known for each version (procurement's OSV store, the one the
   * review gate uses) and their health. Every authenticated caller reads the
   * whole catalog; importing needs `market.write`.
   * </pre>
   */
  public static final class ProjectServiceStub extends io.grpc.stub.AbstractAsyncStub<ProjectServiceStub> {
    private ProjectServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ProjectServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ProjectServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Imports a project, or new versions of it, from a registry metadata
     * document: PyPI's JSON API, an npm packument, a Maven POM. Nothing is
     * fetched from the network: the caller sends the document. Importing the
     * same document again changes nothing; a newer one adds versions and
     * updates the project's fields taken from metadata.
     * </pre>
     */
    public void importProject(tw.jipan.market.v1.ImportProjectRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ImportProjectResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getImportProjectMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one project.
     * </pre>
     */
    public void getProject(tw.jipan.market.v1.GetProjectRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetProjectResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetProjectMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists projects by name.
     * </pre>
     */
    public void listProjects(tw.jipan.market.v1.ListProjectsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListProjectsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListProjectsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Finds projects whose name, description, keywords or categories hold
     * every word of the query (Chinese by character bigrams, other scripts by
     * words: the search component procurement's catalog uses), best health
     * first.
     * </pre>
     */
    public void searchProjects(tw.jipan.market.v1.SearchProjectsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.SearchProjectsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSearchProjectsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Changes a project's curated fields (description, categories, homepage,
     * repository). Only its verified publisher may; before a claim is
     * verified, the organisation that imported it.
     * </pre>
     */
    public void updateProject(tw.jipan.market.v1.UpdateProjectRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.UpdateProjectResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateProjectMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one version.
     * </pre>
     */
    public void getVersion(tw.jipan.market.v1.GetVersionRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetVersionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetVersionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a project's versions, newest first by the ecosystem's ordering.
     * </pre>
     */
    public void listVersions(tw.jipan.market.v1.ListVersionsRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListVersionsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListVersionsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the known advisories that affect one version, with the lowest
     * fixed version of each, from the OSV store procurement's review gate
     * keeps (ImportAdvisories there).
     * </pre>
     */
    public void listVersionAdvisories(tw.jipan.market.v1.ListVersionAdvisoriesRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListVersionAdvisoriesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListVersionAdvisoriesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Computes a project's health report now, each check with its evidence.
     * </pre>
     */
    public void getProjectHealth(tw.jipan.market.v1.GetProjectHealthRequest request,
        io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetProjectHealthResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetProjectHealthMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * <pre>
   * The marketplace's catalog: open-source projects imported from their
   * registries' metadata, their versions with SPDX licences and purls, the
   * advisories known for each version (procurement's OSV store, the one the
   * review gate uses) and their health. Every authenticated caller reads the
   * whole catalog; importing needs `market.write`.
   * </pre>
   */
  public static final class ProjectServiceBlockingStub extends io.grpc.stub.AbstractBlockingStub<ProjectServiceBlockingStub> {
    private ProjectServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ProjectServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ProjectServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Imports a project, or new versions of it, from a registry metadata
     * document: PyPI's JSON API, an npm packument, a Maven POM. Nothing is
     * fetched from the network: the caller sends the document. Importing the
     * same document again changes nothing; a newer one adds versions and
     * updates the project's fields taken from metadata.
     * </pre>
     */
    public tw.jipan.market.v1.ImportProjectResponse importProject(tw.jipan.market.v1.ImportProjectRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getImportProjectMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one project.
     * </pre>
     */
    public tw.jipan.market.v1.GetProjectResponse getProject(tw.jipan.market.v1.GetProjectRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetProjectMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists projects by name.
     * </pre>
     */
    public tw.jipan.market.v1.ListProjectsResponse listProjects(tw.jipan.market.v1.ListProjectsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListProjectsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Finds projects whose name, description, keywords or categories hold
     * every word of the query (Chinese by character bigrams, other scripts by
     * words: the search component procurement's catalog uses), best health
     * first.
     * </pre>
     */
    public tw.jipan.market.v1.SearchProjectsResponse searchProjects(tw.jipan.market.v1.SearchProjectsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSearchProjectsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Changes a project's curated fields (description, categories, homepage,
     * repository). Only its verified publisher may; before a claim is
     * verified, the organisation that imported it.
     * </pre>
     */
    public tw.jipan.market.v1.UpdateProjectResponse updateProject(tw.jipan.market.v1.UpdateProjectRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateProjectMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one version.
     * </pre>
     */
    public tw.jipan.market.v1.GetVersionResponse getVersion(tw.jipan.market.v1.GetVersionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetVersionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a project's versions, newest first by the ecosystem's ordering.
     * </pre>
     */
    public tw.jipan.market.v1.ListVersionsResponse listVersions(tw.jipan.market.v1.ListVersionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListVersionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the known advisories that affect one version, with the lowest
     * fixed version of each, from the OSV store procurement's review gate
     * keeps (ImportAdvisories there).
     * </pre>
     */
    public tw.jipan.market.v1.ListVersionAdvisoriesResponse listVersionAdvisories(tw.jipan.market.v1.ListVersionAdvisoriesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListVersionAdvisoriesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Computes a project's health report now, each check with its evidence.
     * </pre>
     */
    public tw.jipan.market.v1.GetProjectHealthResponse getProjectHealth(tw.jipan.market.v1.GetProjectHealthRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetProjectHealthMethod(), getCallOptions(), request);
    }
  }

  /**
   * <pre>
   * The marketplace's catalog: open-source projects imported from their
   * registries' metadata, their versions with SPDX licences and purls, the
   * advisories known for each version (procurement's OSV store, the one the
   * review gate uses) and their health. Every authenticated caller reads the
   * whole catalog; importing needs `market.write`.
   * </pre>
   */
  public static final class ProjectServiceFutureStub extends io.grpc.stub.AbstractFutureStub<ProjectServiceFutureStub> {
    private ProjectServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ProjectServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ProjectServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Imports a project, or new versions of it, from a registry metadata
     * document: PyPI's JSON API, an npm packument, a Maven POM. Nothing is
     * fetched from the network: the caller sends the document. Importing the
     * same document again changes nothing; a newer one adds versions and
     * updates the project's fields taken from metadata.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ImportProjectResponse> importProject(
        tw.jipan.market.v1.ImportProjectRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getImportProjectMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one project.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.GetProjectResponse> getProject(
        tw.jipan.market.v1.GetProjectRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetProjectMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists projects by name.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListProjectsResponse> listProjects(
        tw.jipan.market.v1.ListProjectsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListProjectsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Finds projects whose name, description, keywords or categories hold
     * every word of the query (Chinese by character bigrams, other scripts by
     * words: the search component procurement's catalog uses), best health
     * first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.SearchProjectsResponse> searchProjects(
        tw.jipan.market.v1.SearchProjectsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSearchProjectsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Changes a project's curated fields (description, categories, homepage,
     * repository). Only its verified publisher may; before a claim is
     * verified, the organisation that imported it.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.UpdateProjectResponse> updateProject(
        tw.jipan.market.v1.UpdateProjectRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateProjectMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one version.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.GetVersionResponse> getVersion(
        tw.jipan.market.v1.GetVersionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetVersionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a project's versions, newest first by the ecosystem's ordering.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListVersionsResponse> listVersions(
        tw.jipan.market.v1.ListVersionsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListVersionsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the known advisories that affect one version, with the lowest
     * fixed version of each, from the OSV store procurement's review gate
     * keeps (ImportAdvisories there).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.ListVersionAdvisoriesResponse> listVersionAdvisories(
        tw.jipan.market.v1.ListVersionAdvisoriesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListVersionAdvisoriesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Computes a project's health report now, each check with its evidence.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<tw.jipan.market.v1.GetProjectHealthResponse> getProjectHealth(
        tw.jipan.market.v1.GetProjectHealthRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetProjectHealthMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_IMPORT_PROJECT = 0;
  private static final int METHODID_GET_PROJECT = 1;
  private static final int METHODID_LIST_PROJECTS = 2;
  private static final int METHODID_SEARCH_PROJECTS = 3;
  private static final int METHODID_UPDATE_PROJECT = 4;
  private static final int METHODID_GET_VERSION = 5;
  private static final int METHODID_LIST_VERSIONS = 6;
  private static final int METHODID_LIST_VERSION_ADVISORIES = 7;
  private static final int METHODID_GET_PROJECT_HEALTH = 8;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final ProjectServiceImplBase serviceImpl;
    private final int methodId;

    MethodHandlers(ProjectServiceImplBase serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_IMPORT_PROJECT:
          serviceImpl.importProject((tw.jipan.market.v1.ImportProjectRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ImportProjectResponse>) responseObserver);
          break;
        case METHODID_GET_PROJECT:
          serviceImpl.getProject((tw.jipan.market.v1.GetProjectRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetProjectResponse>) responseObserver);
          break;
        case METHODID_LIST_PROJECTS:
          serviceImpl.listProjects((tw.jipan.market.v1.ListProjectsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListProjectsResponse>) responseObserver);
          break;
        case METHODID_SEARCH_PROJECTS:
          serviceImpl.searchProjects((tw.jipan.market.v1.SearchProjectsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.SearchProjectsResponse>) responseObserver);
          break;
        case METHODID_UPDATE_PROJECT:
          serviceImpl.updateProject((tw.jipan.market.v1.UpdateProjectRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.UpdateProjectResponse>) responseObserver);
          break;
        case METHODID_GET_VERSION:
          serviceImpl.getVersion((tw.jipan.market.v1.GetVersionRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetVersionResponse>) responseObserver);
          break;
        case METHODID_LIST_VERSIONS:
          serviceImpl.listVersions((tw.jipan.market.v1.ListVersionsRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListVersionsResponse>) responseObserver);
          break;
        case METHODID_LIST_VERSION_ADVISORIES:
          serviceImpl.listVersionAdvisories((tw.jipan.market.v1.ListVersionAdvisoriesRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.ListVersionAdvisoriesResponse>) responseObserver);
          break;
        case METHODID_GET_PROJECT_HEALTH:
          serviceImpl.getProjectHealth((tw.jipan.market.v1.GetProjectHealthRequest) request,
              (io.grpc.stub.StreamObserver<tw.jipan.market.v1.GetProjectHealthResponse>) responseObserver);
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

  private static abstract class ProjectServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    ProjectServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return tw.jipan.market.v1.ProjectServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("ProjectService");
    }
  }

  private static final class ProjectServiceFileDescriptorSupplier
      extends ProjectServiceBaseDescriptorSupplier {
    ProjectServiceFileDescriptorSupplier() {}
  }

  private static final class ProjectServiceMethodDescriptorSupplier
      extends ProjectServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final String methodName;

    ProjectServiceMethodDescriptorSupplier(String methodName) {
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
      synchronized (ProjectServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new ProjectServiceFileDescriptorSupplier())
              .addMethod(getImportProjectMethod())
              .addMethod(getGetProjectMethod())
              .addMethod(getListProjectsMethod())
              .addMethod(getSearchProjectsMethod())
              .addMethod(getUpdateProjectMethod())
              .addMethod(getGetVersionMethod())
              .addMethod(getListVersionsMethod())
              .addMethod(getListVersionAdvisoriesMethod())
              .addMethod(getGetProjectHealthMethod())
              .build();
        }
      }
    }
    return result;
  }
}
