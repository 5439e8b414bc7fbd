namespace Qunzhu.Server.Admin.Text;

/// Console labels: ConsoleText.resx is zh-CN (neutral), ConsoleText.en-US.resx is English.
public sealed class ConsoleText;
