package io.scrapestream.allocator.discovery.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** A tiny UDP DNS server on 127.0.0.1 answering from a map of (name, type) to records. */
final class DnsResponder implements AutoCloseable {
  private final DatagramSocket socket;
  private final Map<String, List<Record>> answers = new ConcurrentHashMap<>();
  private final Map<String, Integer> rcodes = new ConcurrentHashMap<>();
  private final Thread thread;

  DnsResponder() throws SocketException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    thread = new Thread(this::serve, "dns-responder");
    thread.setDaemon(true);
    thread.start();
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  void answer(String name, int type, List<Record> records) {
    answers.put(name + "/" + type, records);
  }

  void fail(String name, int type, int rcode) {
    rcodes.put(name + "/" + type, rcode);
  }

  private void serve() {
    byte[] buffer = new byte[512];
    while (!socket.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
        byte[] reply = reply(query).toWire();
        socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
      } catch (IOException e) {
        // Closed, or a malformed query: nothing to answer.
      }
    }
  }

  private Message reply(Message query) {
    Record question = query.getQuestion();
    String key = question.getName().toString() + "/" + question.getType();
    Message reply = new Message(query.getHeader().getID());
    reply.getHeader().setFlag(Flags.QR);
    reply.addRecord(question, Section.QUESTION);
    List<Record> records = answers.get(key);
    Integer rcode = rcodes.get(key);
    if (rcode != null) {
      reply.getHeader().setRcode(rcode);
    } else if (records == null) {
      reply.getHeader().setRcode(Rcode.NXDOMAIN);
    } else {
      records.forEach(record -> reply.addRecord(record, Section.ANSWER));
    }
    return reply;
  }

  @Override
  public void close() {
    socket.close();
  }
}
