using System.Text.Json;
using System.Text.Json.Serialization;
using Qunzhu.Server.Auth;
using Qunzhu.Server.Errors;
using Qunzhu.Server.Startup;
using Scalar.AspNetCore;

namespace Qunzhu.Server.Apis;

public static class ApiServiceCollectionExtensions
{
    /// <summary>Authentication, problem details, JSON conventions and the OpenAPI document.</summary>
    public static IServiceCollection AddQunzhuApi(this IServiceCollection services)
    {
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        services.AddScoped<Bootstrapper>();
        services.AddSingleton<SandboxGroupCache>();
        services.AddSingleton<Content.MediaUploads>();
        services.AddQunzhuAuth();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Malformed bodies throw, so the exception handler can say what was wrong with them.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            // Names only: "match": 2 would silently mean whatever the enum's third member is today.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            // An explicit null for a non-nullable field is a 400 naming the field, not a 500 later.
            o.SerializerOptions.RespectNullableAnnotations = true;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        return services;
    }

    /// <summary>Every /api/v1 route requires an API key or the console cookie, and passes the role rules
    /// (<see cref="AccessFilter"/>); the document and reference page are public.</summary>
    public static WebApplication MapQunzhuApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("Qunzhu API"));
        var api = app.MapGroup("/api/v1").RequireAuthorization().AddEndpointFilter<AccessFilter>();
        api.MapSandboxApi();
        api.MapCommunitiesApi();
        api.MapMembersApi();
        api.MapTemplatesApi();
        api.MapAutoRepliesApi();
        api.MapModerationApi();
        api.MapOperationsApi();
        api.MapWorkspaceApi();
        api.MapCommunityTagsApi();
        api.MapMediaApi();
        api.MapContentApi();
        api.MapBroadcastsApi();
        api.MapCalendarApi();
        api.MapBuiltInsApi();
        api.MapSopsApi();
        api.MapTopicsApi();
        api.MapMemberTagsApi();
        api.MapDashboardApi();
        api.MapStaffApi();
        api.MapApiKeysApi();
        api.MapAuditApi();
        api.MapPlatformAccountsApi();
        api.MapInviteLinksApi();
        api.MapWeComApi();
        return app;
    }
}
