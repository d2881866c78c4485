#!/usr/bin/python3
"""A minimal org.kde.StatusNotifierWatcher for headless tests.

Qt shows a QSystemTrayIcon over D-Bus (StatusNotifierItem) only when a watcher on the session bus says a
host is registered. Qt reads the property IsStatusNotifierHostRegistered through a QDBusInterface, which
introspects the object first, so the property must be listed in the Introspect XML: python-dbus does not
list properties by itself, hence the hand-written Introspect below.

Registered items are printed to stdout (one line each), so a test log shows which tray icons appeared.
"""
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

WATCHER = "org.kde.StatusNotifierWatcher"
PATH = "/StatusNotifierWatcher"
PROPERTIES = "org.freedesktop.DBus.Properties"

INTROSPECTION = """<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">
<node>
  <interface name="org.freedesktop.DBus.Introspectable">
    <method name="Introspect"><arg name="xml" type="s" direction="out"/></method>
  </interface>
  <interface name="org.freedesktop.DBus.Properties">
    <method name="Get">
      <arg name="interface" type="s" direction="in"/><arg name="name" type="s" direction="in"/>
      <arg name="value" type="v" direction="out"/>
    </method>
    <method name="GetAll">
      <arg name="interface" type="s" direction="in"/><arg name="values" type="a{sv}" direction="out"/>
    </method>
  </interface>
  <interface name="org.kde.StatusNotifierWatcher">
    <method name="RegisterStatusNotifierItem"><arg name="service" type="s" direction="in"/></method>
    <method name="RegisterStatusNotifierHost"><arg name="service" type="s" direction="in"/></method>
    <property name="RegisteredStatusNotifierItems" type="as" access="read"/>
    <property name="IsStatusNotifierHostRegistered" type="b" access="read"/>
    <property name="ProtocolVersion" type="i" access="read"/>
    <signal name="StatusNotifierItemRegistered"><arg type="s"/></signal>
    <signal name="StatusNotifierItemUnregistered"><arg type="s"/></signal>
    <signal name="StatusNotifierHostRegistered"/>
  </interface>
</node>
"""


class Watcher(dbus.service.Object):
    def __init__(self, bus):
        self.items = []
        super().__init__(bus, PATH)

    @dbus.service.method("org.freedesktop.DBus.Introspectable", in_signature="", out_signature="s")
    def Introspect(self):
        return INTROSPECTION

    @dbus.service.method(WATCHER, in_signature="s", out_signature="", sender_keyword="sender")
    def RegisterStatusNotifierItem(self, service, sender=None):
        # Qt passes the unique bus name of the icon's connection; others may pass an object path, which then
        # belongs to the caller.
        item = f"{sender}{service}" if service.startswith("/") else service
        owner = sender if service.startswith("/") else service
        if item in self.items:
            return
        self.items.append(item)
        print(f"registered item {item}", flush=True)
        self.StatusNotifierItemRegistered(item)
        # Forget the item when its owner leaves the bus (the app quit or crashed), as a real tray does.
        watch = None

        def owner_changed(new_owner):
            if new_owner == "" and item in self.items:
                self.items.remove(item)
                print(f"unregistered item {item}", flush=True)
                self.StatusNotifierItemUnregistered(item)
                if watch is not None:
                    watch.cancel()

        watch = self.connection.watch_name_owner(owner, owner_changed)

    @dbus.service.method(WATCHER, in_signature="s", out_signature="")
    def RegisterStatusNotifierHost(self, service):
        pass

    @dbus.service.signal(WATCHER, signature="s")
    def StatusNotifierItemRegistered(self, item):
        pass

    @dbus.service.signal(WATCHER, signature="s")
    def StatusNotifierItemUnregistered(self, item):
        pass

    @dbus.service.signal(WATCHER, signature="")
    def StatusNotifierHostRegistered(self):
        pass

    def _values(self):
        return {
            "RegisteredStatusNotifierItems": dbus.Array(self.items, signature="s"),
            "IsStatusNotifierHostRegistered": dbus.Boolean(True),
            "ProtocolVersion": dbus.Int32(0),
        }

    @dbus.service.method(PROPERTIES, in_signature="ss", out_signature="v")
    def Get(self, interface, name):
        values = self._values()
        if interface != WATCHER or name not in values:
            raise dbus.exceptions.DBusException(
                f"no property {interface}.{name}", name="org.freedesktop.DBus.Error.UnknownProperty")
        return values[name]

    @dbus.service.method(PROPERTIES, in_signature="s", out_signature="a{sv}")
    def GetAll(self, interface):
        return self._values() if interface == WATCHER else {}


def main():
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    watcher = Watcher(bus)
    # Keep the name only while this object exists; exit if another watcher already owns it.
    name = dbus.service.BusName(WATCHER, bus, do_not_queue=True)
    print(f"StatusNotifierWatcher ready as {name.get_name()}", flush=True)
    loop = GLib.MainLoop()
    try:
        loop.run()
    except KeyboardInterrupt:
        pass
    del watcher
    return 0


if __name__ == "__main__":
    sys.exit(main())
