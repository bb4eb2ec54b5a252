"""A stand-in for a QEMU process, for test/host/live-guest.test.ts.

Named as QEMU names itself (comm qemu-system-x86) with the threads QEMU names with
-name debug-threads=on ("CPU n/KVM", "IO iothread1", "call_rcu"), each pinned with
sched_setaffinity. Argument 1 is a JSON map of thread name -> CPU list; the rest
is the command line a capture sees (it must keep only -name guest= and -uuid).
Prints "ready" once every thread is named and pinned, and exits when stdin closes.
"""
import ctypes
import json
import os
import sys
import threading

PR_SET_NAME = 15
libc = ctypes.CDLL(None, use_errno=True)


def name_and_pin(name, cpus):
    # prctl(PR_SET_NAME) and sched_setaffinity(0, ...) both act on the calling thread.
    if libc.prctl(PR_SET_NAME, name.encode()[:15], 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl")
    os.sched_setaffinity(0, cpus)


layout = json.loads(sys.argv[1])
main_cpus = layout.pop("qemu-system-x86")
name_and_pin("qemu-system-x86", main_cpus)

ready = threading.Barrier(len(layout) + 1)
done = threading.Event()


def thread(name, cpus):
    name_and_pin(name, cpus)
    ready.wait()
    done.wait()


for thread_name, thread_cpus in layout.items():
    threading.Thread(target=thread, args=(thread_name, thread_cpus), daemon=True).start()
ready.wait()
print("ready", flush=True)
sys.stdin.read()
done.set()
