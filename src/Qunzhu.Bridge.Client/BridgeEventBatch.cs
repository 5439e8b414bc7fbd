namespace Qunzhu.Bridge.Client;

/// <summary>The body of an inbound POST: one or more events, processed in the order given.</summary>
public sealed record BridgeEventBatch(IReadOnlyList<BridgeEvent> Events, int Version = BridgeProtocol.Version);

/// <summary>Qunzhu's answer to an inbound POST: how many events were new and how many it had already.</summary>
public sealed record BridgeAccepted(int Accepted, int Duplicates);
