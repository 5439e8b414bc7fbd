using System.Text;

namespace Qunzhu.Benchmarks;

/// <summary>A deterministic stand-in for a busy group's chat: short Chinese messages with the
/// ASCII, numbers, emoji, mentions and links real chat has, and a sensitive-word list made of
/// the same common characters, so the automaton is busy on nearly every char rather than
/// idling at its root. About one message in a hundred carries a listed word.</summary>
public static class ChatCorpus
{
    private const string Common =
        "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应向头文体相见被利什二等产或新己制身果加西月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直资命山金指许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧";

    private static readonly string[] Ascii =
        ["ok", "OK", "hhh", "666", "iPhone 15", "bug", "PPT", "APP", "Excel", "pdf", "vip", "AI", "GPT", "wifi", "404"];
    private static readonly string[] Emoji = ["😂", "👍", "🙏", "[微笑]", "[捂脸]", "🌹", "😭", "🎉"];
    private static readonly string[] Tails = ["，", "。", "！", "？", "～", "...", " ", "！！", "？？", ""];
    private static readonly string[] Links =
        ["https://mp.weixin.qq.com/s/AbCdEf123", "www.example.com", "t.me/channel", "bilibili.com/video/BV1xx411c7mD"];

    /// <summary>Distinct words of 3–5 common characters.</summary>
    public static string[] Words(int count, int seed)
    {
        var random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < count) words.Add(Chars(random, random.Next(3, 6)));
        return [.. words];
    }

    /// <summary>Messages until their UTF-8 size reaches <paramref name="utf8Bytes"/>.</summary>
    public static string[] Messages(int utf8Bytes, string[] words, int seed)
    {
        var random = new Random(seed);
        var messages = new List<string>();
        var size = 0;
        var sb = new StringBuilder();
        while (size < utf8Bytes)
        {
            sb.Clear();
            var parts = random.Next(1, 5);
            for (var p = 0; p < parts; p++)
            {
                sb.Append(Chars(random, random.Next(2, 16)));
                var roll = random.Next(100);
                if (roll < 15) sb.Append(' ').Append(Ascii[random.Next(Ascii.Length)]).Append(' ');
                else if (roll < 25) sb.Append(random.Next(1, 24)).Append('.').Append(random.Next(0, 60).ToString("00"));
                else if (roll < 35) sb.Append(Emoji[random.Next(Emoji.Length)]);
                else if (roll < 37) sb.Append(' ').Append(Links[random.Next(Links.Length)]).Append(' ');
                else if (roll < 38) sb.Append(words[random.Next(words.Length)]);
                sb.Append(Tails[random.Next(Tails.Length)]);
            }
            if (random.Next(5) == 0) sb.Insert(0, "@张三 ");
            var message = sb.ToString();
            messages.Add(message);
            size += Encoding.UTF8.GetByteCount(message);
        }
        return [.. messages];
    }

    public static long Utf8Size(IEnumerable<string> messages) => messages.Sum(m => (long)Encoding.UTF8.GetByteCount(m));

    private static string Chars(Random random, int length) =>
        string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = Common[r.Next(Common.Length)];
        });
}
