using System;

namespace Compose.Libraries.VfsCore
{
    public sealed partial class Vfs
    {
        private VfsNode[] _stack = new VfsNode[16];

        /// <summary>Most symbolic links one resolution follows before ELOOP (Linux's MAXSYMLINKS).</summary>
        public const int MaxSymlinks = 40;

        /// <summary>Depth of <see cref="_stack"/> after the last <see cref="Resolve"/>: the chain root..directory.</summary>
        private int _depth;

        /// <summary>
        /// Resolves <paramref name="path"/>: every component but the last must name a directory (ENOENT, ENOTDIR)
        /// the caller may search (EACCES), <c>..</c> pops to the previous directory and stays at the root, mount
        /// points are crossed both ways, symbolic links are followed (relative targets from the link's directory,
        /// ELOOP past <see cref="MaxSymlinks"/>), the last one only when <paramref name="followLast"/> or the path ends
        /// in '/'. Gives the directory holding the last component (null for the root itself), the last component (a
        /// slice of the path or of a rewritten path), the node it names (null when it does not exist) and whether the
        /// path ended in '/'. Afterwards <c>_stack[0.._depth-1]</c> is the chain from the root to that directory.
        /// </summary>
        private int Resolve(ReadOnlySpan<byte> path, bool followLast, out VfsNode? parent, out ReadOnlySpan<byte> name,
                            out VfsNode? node, out bool trailingSlash)
        {
            parent = null;
            name = default;
            node = null;
            trailingSlash = false;
            _depth = 0;
            if (path.Length == 0) return -Errno.ENOENT;
            if (path.Length > MaxPath) return -Errno.ENAMETOOLONG;
            if (path.IndexOf((byte)0) >= 0) return -Errno.EINVAL;
            if (_root is null) return -Errno.ENOENT;

            int depth = 1;
            _stack[0] = _root;
            int links = 0;
            while (true)
            {
                int end = path.Length;
                while (end > 0 && path[end - 1] == (byte)'/') end--;
                trailingSlash = end > 0 && end < path.Length;
                if (end == 0)
                {
                    // "/" (or a link to it): the root of the whole tree.
                    node = _root;
                    parent = null;
                    _depth = 1;
                    _stack[0] = _root;
                    return 0;
                }
                if (path[0] == (byte)'/') depth = 1;
                int lastStart = end;
                while (lastStart > 0 && path[lastStart - 1] != (byte)'/') lastStart--;

                bool rewritten = false;
                int i = 0;
                while (i < lastStart)
                {
                    int start = i;
                    while (i < lastStart && path[i] != (byte)'/') i++;
                    var component = path.Slice(start, i - start);
                    i++;
                    if (component.Length == 0) continue;
                    if (component.Length > MaxName) return -Errno.ENAMETOOLONG;
                    VfsNode current = _stack[depth - 1];
                    if (current.Type != VfsNodeType.Directory) return -Errno.ENOTDIR;
                    if (!Permits(current, AccessMode.Execute)) return -Errno.EACCES;
                    if (IsDot(component)) continue;
                    if (IsDotDot(component))
                    {
                        if (depth > 1) depth--;
                        continue;
                    }
                    VfsNode? child = current.Lookup(component);
                    if (child is null) return -Errno.ENOENT;
                    child = Cross(child);
                    if (child.Type == VfsNodeType.Symlink)
                    {
                        // Continue with "target/rest" from the link's directory (the stack as it is).
                        int r = Rewrite(child, path.Slice(start + component.Length), ref links, out byte[] next);
                        if (r < 0) return r;
                        path = next;
                        rewritten = true;
                        break;
                    }
                    if (depth == _stack.Length) _stack = Grown(_stack, depth * 2);
                    _stack[depth++] = child;
                }
                if (rewritten) continue;

                VfsNode directory = _stack[depth - 1];
                if (directory.Type != VfsNodeType.Directory) return -Errno.ENOTDIR;
                if (!Permits(directory, AccessMode.Execute)) return -Errno.EACCES;
                name = path.Slice(lastStart, end - lastStart);
                if (name.Length > MaxName) return -Errno.ENAMETOOLONG;
                _depth = depth;
                if (IsDot(name))
                {
                    node = directory;
                    parent = depth > 1 ? _stack[depth - 2] : null;
                    _depth = depth > 1 ? depth - 1 : 0;
                    return 0;
                }
                if (IsDotDot(name))
                {
                    node = depth > 1 ? _stack[depth - 2] : directory;
                    parent = depth > 2 ? _stack[depth - 3] : null;
                    _depth = depth > 2 ? depth - 2 : 0;
                    return 0;
                }
                VfsNode? last = directory.Lookup(name);
                node = last is null ? null : Cross(last);
                parent = directory;
                if (node is not null && node.Type == VfsNodeType.Symlink && (followLast || trailingSlash))
                {
                    int r = Rewrite(node, trailingSlash ? "/"u8 : default, ref links, out byte[] next);
                    if (r < 0) return r;
                    path = next;
                    parent = null;
                    node = null;
                    name = default;
                    continue;
                }
                return 0;
            }
        }

        /// <summary>The path "target" + <paramref name="rest"/> for the symbolic link <paramref name="link"/>.</summary>
        private static int Rewrite(VfsNode link, ReadOnlySpan<byte> rest, ref int links, out byte[] next)
        {
            next = Array.Empty<byte>();
            if (++links > MaxSymlinks) return -Errno.ELOOP;
            long targetLength = link.Size;
            if (targetLength == 0) return -Errno.ENOENT;
            if (targetLength + rest.Length > MaxPath) return -Errno.ENAMETOOLONG;
            next = new byte[targetLength + rest.Length];
            if (link.Read(0, next.AsSpan(0, (int)targetLength)) != targetLength) return -Errno.EINVAL;
            rest.CopyTo(next.AsSpan((int)targetLength));
            return 0;
        }

        /// <summary>The root of the file system mounted on <paramref name="node"/>, or the node itself.</summary>
        private VfsNode Cross(VfsNode node)
        {
            for (int i = 0; i < _mounts; i++)
                if (_mountPoints[i] == node) return _mountRoots[i]!;
            return node;
        }

        private bool IsMounted(VfsNode node)
        {
            if (node == _root) return true;
            for (int i = 0; i < _mounts; i++)
                if (_mountRoots[i] == node) return true;
            return false;
        }

        private static bool IsRootPath(ReadOnlySpan<byte> path)
        {
            if (path.Length == 0) return false;
            for (int i = 0; i < path.Length; i++) if (path[i] != (byte)'/') return false;
            return true;
        }

        private static bool IsDot(ReadOnlySpan<byte> c) => c.Length == 1 && c[0] == (byte)'.';

        private static bool IsDotDot(ReadOnlySpan<byte> c) => c.Length == 2 && c[0] == (byte)'.' && c[1] == (byte)'.';

        /// <summary>The UTF-8 bytes of <paramref name="path"/> (for callers holding strings).</summary>
        public static byte[] Path(string path)
        {
            int size = 0;
            for (int i = 0; i < path.Length; i++)
            {
                char c = path[i];
                size += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
            var bytes = new byte[size];
            int at = 0;
            for (int i = 0; i < path.Length; i++)
            {
                char c = path[i];
                if (c < 0x80) bytes[at++] = (byte)c;
                else if (c < 0x800)
                {
                    bytes[at++] = (byte)(0xC0 | (c >> 6));
                    bytes[at++] = (byte)(0x80 | (c & 0x3F));
                }
                else
                {
                    bytes[at++] = (byte)(0xE0 | (c >> 12));
                    bytes[at++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    bytes[at++] = (byte)(0x80 | (c & 0x3F));
                }
            }
            return bytes;
        }
    }
}
