using System.Runtime.InteropServices;

namespace Qunzhu.Server.Storage;

/// <summary>Flushes a file SQLite has open to the disk through one of SQLite's own descriptors, found in
/// <c>/proc/self/fd</c> (Linux). Never through a descriptor of its own: closing any descriptor of the database file drops
/// every POSIX lock the process holds on it, SQLite's included. Elsewhere (no <c>/proc</c>) it does nothing, and SQLite's
/// own checkpoint syncs the file as before. A descriptor closed and reused meanwhile only means another file is flushed.</summary>
internal static class SqliteFileSync
{
    /// <returns>Whether a descriptor of <paramref name="path"/> was found and flushed.</returns>
    public static bool TrySync(string path, ref int known)
    {
        if (!OperatingSystem.IsLinux()) return false;
        if (known < 0 || !Refers(known, path)) known = Find(path);
        return known >= 0 && Fsync(known) == 0;
    }

    private static bool Refers(int fd, string path)
    {
        try
        {
            return new FileInfo($"/proc/self/fd/{fd}").LinkTarget == path;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int Find(string path)
    {
        try
        {
            foreach (var link in new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos())
            {
                if (link.LinkTarget == path && int.TryParse(link.Name, out var fd)) return fd;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return -1;
    }

    [DllImport("libc", EntryPoint = "fsync")]
    private static extern int Fsync(int fd);
}
