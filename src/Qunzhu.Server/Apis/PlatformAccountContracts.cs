using System.Text.Json;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;

namespace Qunzhu.Server.Apis;

/// <param name="Platform">telegram, wecom or bridge (the sandbox account comes with the workspace).</param>
/// <param name="Settings">The platform's fields, e.g. {"botToken":"…","mode":"webhook"}; see the response's fields.</param>
public sealed record CreatePlatformAccountRequest(string? Platform, string? Name, Dictionary<string, JsonElement>? Settings);

/// <param name="Settings">Only the fields to change: an omitted field keeps its value (secrets too); null or "" clears one.</param>
public sealed record UpdatePlatformAccountRequest(string? Name, Dictionary<string, JsonElement>? Settings);

public sealed record PlatformAccountCreated(Guid Id, ConnectionTestResult? Setup);

/// <param name="Settings">Non-secret values as text; each secret only as {"set":true|false}.</param>
/// <param name="WebhookUrl">Paste this into the platform (absolute, from the address this request used).</param>
public sealed record PlatformAccountResponse(Guid Id, PlatformKind Platform, string Name, bool Enabled, Dictionary<string, object> Settings,
    IReadOnlyList<AccountFieldResponse> Fields, string? WebhookUrl, DateTime? LastEventAt, IReadOnlyList<DeliveryErrorResponse> RecentDeliveryErrors,
    DateTime CreatedAt, DateTime? UpdatedAt, ConnectionTestResult? Setup = null);

public sealed record SecretState(bool Set);

public sealed record AccountFieldResponse(string Name, bool Secret, bool Required, string HelpZh, string HelpEn);

public sealed record DeliveryErrorResponse(long Id, Guid? CommunityId, string ChatId, BotActionKind Kind, OutboxStatus Status, int Attempts,
    string Error, DateTime CreatedAt);

/// <param name="Fields">The settings an account of this platform takes, in the order to show them.</param>
public sealed record PlatformAccountTypeResponse(PlatformKind Platform, IReadOnlyList<AccountFieldResponse> Fields);
