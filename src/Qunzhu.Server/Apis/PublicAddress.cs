namespace Qunzhu.Server.Apis;

/// <summary>The address callers reach this server on (scheme, host and path base), from which absolute URLs
/// such as webhook URLs are built. The API binds it from the request; the console passes the address the
/// browser used, since it calls the handlers without an HTTP request of their own.</summary>
public sealed record PublicAddress(Uri BaseUrl)
{
    public static ValueTask<PublicAddress?> BindAsync(HttpContext context) => ValueTask.FromResult<PublicAddress?>(Of(context.Request));

    public static PublicAddress Of(HttpRequest request) => new(new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/"));

    /// <summary>An absolute URL for a path below the base (the path starts without a slash).</summary>
    public Uri Combine(string relativePath) => new(BaseUrl, relativePath.TrimStart('/'));
}
