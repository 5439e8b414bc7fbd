using Qunzhu.Connectors.WeCom.Accounts;

namespace Qunzhu.Connectors.WeCom.Groups;

/// <summary>One WeCom account as the connector's services need it.</summary>
public sealed record WeComAccountContext(Guid WorkspaceId, Guid AccountId, WeComSettings Settings);
