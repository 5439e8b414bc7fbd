using Qunzhu.Core.Platforms;

namespace Qunzhu.Engine.Ingestion;

/// An event a webhook (or the sandbox API) accepted, before it is stored.
public sealed record InboxItem(Guid WorkspaceId, Guid AccountId, PlatformKind Platform, string EventId, string ChatId, string Payload);
