#!/usr/bin/env python3
"""A Kaspa node client built the way a third party builds one: Python stubs generated at run time from kaspad's
proto files (Protos/, rusty-kaspa's unchanged) over gRPC's C core, an implementation Kasfleet shares nothing with.

usage: official_client.py PROTOS_DIR HOST:PORT ADDRESS

On one MessageStream it asks GetServerInfo, GetCurrentNetwork, GetBlockDagInfo, GetFeeEstimate and
GetUtxosByAddresses(ADDRESS), submits an empty transaction (which must be refused) and subscribes to ADDRESS's
UtxosChanged. It then prints "subscribed" and waits (90 s at most) for one notification: the caller pays ADDRESS
meanwhile. Last it prints one JSON object of what it got on stdout. Exit 2: the stubs could not be generated.
"""
import atexit
import json
import os
import queue
import shutil
import sys
import tempfile

import grpc
from grpc_tools import protoc


def generate(protos):
    out = tempfile.mkdtemp(prefix="kasfleet-pystubs-")
    atexit.register(shutil.rmtree, out, ignore_errors=True)
    include = os.path.join(os.path.dirname(protoc.__file__), "_proto")
    rc = protoc.main(["protoc", f"-I{protos}", f"-I{include}", f"--python_out={out}", f"--grpc_python_out={out}",
                      "messages.proto", "rpc.proto"])
    if rc != 0:
        print(f"protoc failed with {rc}", file=sys.stderr)
        sys.exit(2)
    sys.path.insert(0, out)


def main():
    protos, endpoint, address = sys.argv[1:4]
    generate(protos)
    import messages_pb2 as m
    import messages_pb2_grpc as g
    import rpc_pb2 as r

    outbox = queue.Queue()
    requests = [
        m.KaspadRequest(id=1, getServerInfoRequest=r.GetServerInfoRequestMessage()),
        m.KaspadRequest(id=2, getCurrentNetworkRequest=r.GetCurrentNetworkRequestMessage()),
        m.KaspadRequest(id=3, getBlockDagInfoRequest=r.GetBlockDagInfoRequestMessage()),
        m.KaspadRequest(id=4, getFeeEstimateRequest=r.GetFeeEstimateRequestMessage()),
        m.KaspadRequest(id=5, getUtxosByAddressesRequest=r.GetUtxosByAddressesRequestMessage(addresses=[address])),
        m.KaspadRequest(id=6, submitTransactionRequest=r.SubmitTransactionRequestMessage(transaction=r.RpcTransaction())),
        m.KaspadRequest(id=7, notifyUtxosChangedRequest=r.NotifyUtxosChangedRequestMessage(
            addresses=[address], command=r.NOTIFY_START)),
    ]
    for request in requests:
        outbox.put(request)

    def stream():
        while True:
            item = outbox.get()
            if item is None:
                return
            yield item

    got = {}
    with grpc.insecure_channel(endpoint) as channel:
        responses = g.RPCStub(channel).MessageStream(stream(), timeout=90)
        try:
            for response in responses:
                kind = response.WhichOneof("payload")
                if kind == "getServerInfoResponse":
                    p = response.getServerInfoResponse
                    got["serverInfo"] = {"id": response.id, "networkId": p.networkId, "hasUtxoIndex": p.hasUtxoIndex,
                                         "isSynced": p.isSynced, "virtualDaaScore": p.virtualDaaScore}
                elif kind == "getCurrentNetworkResponse":
                    got["currentNetwork"] = response.getCurrentNetworkResponse.currentNetwork
                elif kind == "getBlockDagInfoResponse":
                    got["blockCount"] = response.getBlockDagInfoResponse.blockCount
                elif kind == "getFeeEstimateResponse":
                    got["priorityFeerate"] = response.getFeeEstimateResponse.estimate.priorityBucket.feerate
                elif kind == "getUtxosByAddressesResponse":
                    got["utxos"] = [{"address": e.address, "transactionId": e.outpoint.transactionId,
                                     "index": e.outpoint.index, "amount": e.utxoEntry.amount}
                                    for e in response.getUtxosByAddressesResponse.entries]
                elif kind == "submitTransactionResponse":
                    got["submitError"] = response.submitTransactionResponse.error.message
                elif kind == "notifyUtxosChangedResponse":
                    got["subscribeError"] = response.notifyUtxosChangedResponse.error.message
                    print("subscribed", flush=True)
                elif kind == "utxosChangedNotification":
                    got["notified"] = [{"address": e.address, "amount": e.utxoEntry.amount}
                                       for e in response.utxosChangedNotification.added]
                    outbox.put(None)
                    break
        except grpc.RpcError as e:
            got["streamError"] = f"{e.code()}: {e.details()}"
    print(json.dumps(got), flush=True)


if __name__ == "__main__":
    main()
