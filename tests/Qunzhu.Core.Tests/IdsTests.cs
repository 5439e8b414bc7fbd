using Qunzhu.Core;

namespace Qunzhu.Core.Tests;

public sealed class IdsTests
{
    [Fact]
    public void NewV7_IsAVersion7Guid_CarryingItsMillisecond()
    {
        var at = new DateTimeOffset(2026, 12, 6, 8, 30, 15, 123, TimeSpan.Zero);
        var id = Ids.NewV7(at);
        id.Version.ShouldBe(7);
        // RFC 9562 variant: the two top bits of byte 8 (big-endian) are 10.
        (id.ToByteArray(bigEndian: true)[8] & 0xC0).ShouldBe(0x80);
        var bytes = id.ToByteArray(bigEndian: true);
        var ms = 0L;
        for (var i = 0; i < 6; i++) ms = (ms << 8) | bytes[i];
        ms.ShouldBe(at.ToUnixTimeMilliseconds());
        // The same layout as the framework's own version 7 ids: the first 48 bits agree.
        Guid.CreateVersion7(at).ToString()[..13].ShouldBe(id.ToString()[..13]);
    }

    [Fact]
    public void NewV7_ManyInOneMillisecond_AreDistinct_AndLaterOnesSortAfter()
    {
        var at = new DateTimeOffset(2026, 12, 6, 8, 30, 15, TimeSpan.Zero);
        // Several refills of the random block.
        var ids = Enumerable.Range(0, 5_000).Select(_ => Ids.NewV7(at)).ToList();
        ids.Distinct().Count().ShouldBe(ids.Count);
        var later = Ids.NewV7(at.AddMilliseconds(1));
        ids.ShouldAllBe(id => string.CompareOrdinal(id.ToString(), later.ToString()) < 0);
    }

    [Fact]
    public void NewV7_BeforeUnixEpoch_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Ids.NewV7(new DateTimeOffset(1969, 12, 31, 0, 0, 0, TimeSpan.Zero)));
}
