"use strict";
// tslab's ZmqServer.init starts reading the shell and control sockets before it binds its five sockets, and binds
// them all at once: a kernel_info_request that arrives on the shell socket while the iopub socket is still binding
// makes the handler publish its "busy" status on iopub and zeromq throws "Socket is blocked by a bind or unbind
// operation" (seen once in a whole-workbook run with two kernels starting together). Handling a message waits
// here until every socket is bound; messages keep their order.
function holdMessagesUntilBound(jupyter) {
  const proto = jupyter.ZmqServer && jupyter.ZmqServer.prototype;
  if (!proto || typeof proto.init !== "function" || typeof proto.handleShellMessage !== "function") return;
  const init = proto.init;
  proto.init = async function () {
    let bound;
    const allBound = new Promise((resolve) => (bound = resolve));
    const handle = this.handleShellMessage;
    this.handleShellMessage = (...args) => allBound.then(() => handle.apply(this, args));
    try {
      return await init.call(this);
    } finally {
      bound();
    }
  };
}

module.exports = { holdMessagesUntilBound };
