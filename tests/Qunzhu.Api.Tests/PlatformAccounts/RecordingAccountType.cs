using System.Collections.Concurrent;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;

namespace Qunzhu.Api.Tests.PlatformAccounts;

/// <summary>An account type for the accounts API's own tests, registered for the Bridge platform: it says
/// which settings it takes and records what the API handed it, so a test can see the decrypted values
/// reached the connector while no response or log ever showed them.</summary>
public sealed class RecordingAccountType : IPlatformAccountType, IPlatformAccountSetup
{
    public const string GoodKey = "bridge-shared-key-that-works";

    public PlatformKind Platform => PlatformKind.Bridge;

    public IReadOnlyList<AccountSettingField> Fields { get; } =
    [
        new("sharedSecret", Secret: true, Required: true, "桥接共享密钥", "The bridge's shared key."),
        new("signingKey", Secret: true, Required: false, "签名密钥", "Optional second key."),
        new("callbackUrl", Secret: false, Required: true, "回调地址", "Where Qunzhu posts actions (http or https)."),
        new("mode", Secret: false, Required: false, "模式", "push or pull."),
    ];

    public ConcurrentQueue<(Guid Account, string? Secret, Uri WebhookUrl)> SetUps { get; } = new();

    public string? Validate(AccountSettings settings)
    {
        if (!Uri.TryCreate(settings.Get("callbackUrl"), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return "callbackUrl must be an absolute http or https URL.";
        return settings.Get("mode") is null or "push" or "pull" ? null : "mode must be push or pull.";
    }

    public Task<ConnectionTestResult> TestConnectionAsync(PlatformAccount account, AccountSettings settings, CancellationToken ct) =>
        Task.FromResult(settings.Get("sharedSecret") == GoodKey
            ? ConnectionTestResult.Success($"Connected as {account.Name}.")
            : ConnectionTestResult.Failure("The bridge rejected the shared key."));

    public Task<ConnectionTestResult?> ApplyAsync(PlatformAccount account, AccountSettings settings, Uri webhookUrl, CancellationToken ct)
    {
        SetUps.Enqueue((account.Id, settings.Get("sharedSecret"), webhookUrl));
        return Task.FromResult<ConnectionTestResult?>(ConnectionTestResult.Success("Registered."));
    }
}
