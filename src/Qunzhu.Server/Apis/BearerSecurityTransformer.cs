using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Qunzhu.Server.Apis;

/// Declares the bearer API key in the OpenAPI document so clients and the reference page can send it.
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Qunzhu API",
            Version = "v1",
            Description = "Community operations: groups, members, templates, check-in, auto-replies, moderation. " +
                          "Send 'Authorization: Bearer <api key>'. Errors are RFC 7807 problem details.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key (qz_…). The first one is printed at first start or set with Bootstrap:ApiKey.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
