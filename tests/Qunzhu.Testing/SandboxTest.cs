namespace Qunzhu.Testing;

/// <summary>A test class with its own real server and a sandbox client that sends the bootstrap key.</summary>
public abstract class SandboxTest : IAsyncDisposable
{
    protected SandboxTest()
    {
        Server = new QunzhuServer();
        Sandbox = new SandboxClient(Server.CreateApiClient());
    }

    protected QunzhuServer Server { get; }

    protected SandboxClient Sandbox { get; }

    protected HttpClient Http => Sandbox.Http;

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
