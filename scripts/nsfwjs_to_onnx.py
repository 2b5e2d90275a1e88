#!/usr/bin/python3
"""nsfwjs_to_onnx.py MODEL_DIR OUT.onnx

Converts one nsfwjs model (MODEL_DIR/model.json + weights.bin, as written by nsfwjs_extract.cjs)
to ONNX that Debian's OpenCV 4.6 cv::dnn loads:
  * opset 10 (Clip min/max and Pad pads are attributes there),
  * input "input" float32 NCHW [N,3,224,224] holding RGB/255 (nsfwjs's preprocessing); the
    graph model's own x*2-1 is kept inside the graph, exactly as TF.js runs it,
  * output "probs" float32 [N,5]: Drawing, Hentai, Neutral, Porn, Sexy (softmax),
  * uint8-quantised tensors dequantised to float32 (q * scale + min, as TF.js does),
  * Keras BatchNormalization folded into the convolution before it (the graph model already
    has it folded); TF "SAME" padding computed from the tracked spatial size (asymmetric when
    the stride is 2, as TF pads).
Handles the two formats nsfwjs 4.4.0 uses: a Keras layers model (mobilenet_v2) and a TF graph
model (mobilenet_v2_mid). Anything else is refused with an error naming the layer or op.
Needs only python3-onnx and python3-numpy (Debian 12).
"""
import base64
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 10
SIZE = 224


def load_weights(model_dir, manifest):
    data = open(os.path.join(model_dir, "weights.bin"), "rb").read()
    out, off = {}, 0
    for group in manifest:
        for spec in group["weights"]:
            shape = spec["shape"]
            count = int(np.prod(shape)) if shape else 1
            q = spec.get("quantization")
            if q:
                qdt = {"uint8": np.uint8, "uint16": np.uint16}[q["dtype"]]
                raw = np.frombuffer(data, qdt, count, off)
                off += count * raw.itemsize
                if "scale" in q:
                    arr = (raw.astype(np.float32) * np.float32(q["scale"]) + np.float32(q["min"]))
                else:
                    raise ValueError(f"{spec['name']}: unsupported quantisation {q}")
            else:
                dt = {"float32": np.float32, "int32": np.int32}[spec["dtype"]]
                arr = np.frombuffer(data, dt, count, off)
                off += count * arr.itemsize
            out[spec["name"]] = arr.reshape(shape).astype(np.float32 if spec["dtype"] == "float32" else arr.dtype)
    if off != len(data):
        raise ValueError(f"weights.bin has {len(data)} bytes, manifest describes {off}")
    return out


class Builder:
    def __init__(self):
        self.nodes, self.inits, self.n = [], [], 0

    def const(self, name, arr):
        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(arr), name))
        return name

    def node(self, op, inputs, out=None, **attrs):
        self.n += 1
        out = out or f"t{self.n}_{op}"
        self.nodes.append(helper.make_node(op, inputs, [out], name=f"n{self.n}_{op}", **attrs))
        return out


def same_pads(size, k, s):
    out = (size + s - 1) // s
    total = max((out - 1) * s + k - size, 0)
    return total // 2, total - total // 2, out


def conv(b, x, size, w_hwio, bias, stride, padding, depthwise, pre_pad=(0, 0)):
    """Emits Conv (+ bias) for a TF kernel [kh,kw,in,out] (depthwise: [kh,kw,in,mult]).
    pre_pad: (begin, end) zero padding from a ZeroPadding2D before a VALID conv."""
    kh, kw = w_hwio.shape[:2]
    if depthwise:
        cin, mult = w_hwio.shape[2], w_hwio.shape[3]
        w = w_hwio.reshape(kh, kw, cin * mult).transpose(2, 0, 1)[:, None, :, :]
        group = cin
    else:
        w = w_hwio.transpose(3, 2, 0, 1)
        group = 1
    size_in = size + pre_pad[0] + pre_pad[1]
    if padding == "same":
        pb, pe, out = same_pads(size_in, kh, stride)
    else:
        pb, pe, out = 0, 0, (size_in - kh) // stride + 1
    pb += pre_pad[0]
    pe += pre_pad[1]
    name = f"w{b.n}"
    inputs = [x, b.const(name + "_w", w.astype(np.float32))]
    if bias is not None:
        inputs.append(b.const(name + "_b", bias.astype(np.float32)))
    y = b.node("Conv", inputs, kernel_shape=[int(kh), int(kw)], strides=[stride, stride],
               pads=[pb, pb, pe, pe], group=int(group), dilations=[1, 1])
    return y, out


def gemm(b, x, name, k_in_out, bias):
    """Dense layer: TF kernel [in,out] stored as [out,in] with transB=1 (OpenCV 4.6 reads a
    Gemm's weights in that layout only)."""
    return b.node("Gemm", [x, b.const(f"{name}_k", np.ascontiguousarray(k_in_out.T)), b.const(f"{name}_b", bias)],
                  alpha=1.0, beta=1.0, transA=0, transB=1)


def relu6(b, x):
    return b.node("Clip", [x], min=0.0, max=6.0)


def convert_layers(mj, W):
    layers = mj["modelTopology"]["model_config"]["config"]["layers"]
    b = Builder()
    val = {}    # keras layer name -> (onnx tensor, spatial size)
    pending_pad = {}  # layer name -> (tensor, size, (begin,end)) for ZeroPadding2D
    by_name = {l["name"]: l for l in layers}
    # Conv layers whose BN follows: fold. Find BN for each conv.
    consumers = {}
    for l in layers:
        for node in l["inbound_nodes"]:
            for inp in node:
                consumers.setdefault(inp[0], []).append(l["name"])
    skip = set()
    for l in layers:
        cls, cfg, name = l["class_name"], l["config"], l["name"]
        if name in skip:
            continue
        ins = [i[0] for node in l["inbound_nodes"] for i in node]
        if cls == "InputLayer":
            val[name] = ("input", SIZE)
        elif cls == "ZeroPadding2D":
            (t, bt), (lft, rgt) = cfg["padding"]
            if (t, lft) != (bt, rgt) and not (t == lft and bt == rgt):
                raise ValueError(f"{name}: unsupported padding {cfg['padding']}")
            pending_pad[name] = (val[ins[0]], (t, bt))
        elif cls in ("Conv2D", "DepthwiseConv2D"):
            if ins[0] in pending_pad:
                (x, size), pp = pending_pad[ins[0]]
            else:
                (x, size), pp = val[ins[0]], (0, 0)
            dw = cls == "DepthwiseConv2D"
            k = W[f"{name}/depthwise_kernel" if dw else f"{name}/kernel"]
            bias = W.get(f"{name}/bias") if cfg.get("use_bias") else None
            nxt = consumers.get(name, [])
            if len(nxt) == 1 and by_name[nxt[0]]["class_name"] == "BatchNormalization":
                bn = nxt[0]
                eps = by_name[bn]["config"]["epsilon"]
                g, be = W[f"{bn}/gamma"], W[f"{bn}/beta"]
                mu, var = W[f"{bn}/moving_mean"], W[f"{bn}/moving_variance"]
                f = (g / np.sqrt(var + np.float32(eps))).astype(np.float32)
                if dw:
                    k = k * f.reshape(k.shape[2], k.shape[3])
                else:
                    k = k * f
                b0 = bias if bias is not None else np.zeros_like(be)
                bias = (b0 - mu) * f + be
                skip.add(bn)
                out_name = bn
            else:
                out_name = name
            strides = cfg["strides"]
            y, size2 = conv(b, x, size, k, bias, strides[0], cfg["padding"], dw, pp)
            if cfg.get("activation", "linear") != "linear":
                raise ValueError(f"{name}: activation {cfg['activation']}")
            val[out_name] = (y, size2)
            val[name] = (y, size2)
        elif cls == "ReLU":
            x, size = val[ins[0]]
            if cfg.get("max_value") == 6 and not cfg.get("negative_slope") and not cfg.get("threshold"):
                val[name] = (relu6(b, x), size)
            elif cfg.get("max_value") is None:
                val[name] = (b.node("Relu", [x]), size)
            else:
                raise ValueError(f"{name}: ReLU config {cfg}")
        elif cls == "Add":
            (x1, s1), (x2, _) = val[ins[0]], val[ins[1]]
            val[name] = (b.node("Add", [x1, x2]), s1)
        elif cls == "AveragePooling2D":
            x, size = val[ins[0]]
            k, s = cfg["pool_size"], cfg["strides"]
            if cfg["padding"] != "valid":
                raise ValueError(f"{name}: padding {cfg['padding']}")
            y = b.node("AveragePool", [x], kernel_shape=k, strides=s)
            val[name] = (y, (size - k[0]) // s[0] + 1)
        elif cls == "Flatten":
            x, size = val[ins[0]]
            if size != 1:
                raise ValueError(f"{name}: Flatten of a {size}x{size} map would need NHWC order")
            val[name] = (b.node("Flatten", [x], axis=1), 0)
        elif cls == "Dense":
            x, _ = val[ins[0]]
            k = W[f"{name}/kernel"]
            bias = W[f"{name}/bias"] if cfg.get("use_bias") else np.zeros(k.shape[1], np.float32)
            y = gemm(b, x, name, k, bias)
            act = cfg.get("activation", "linear")
            if act == "relu":
                y = b.node("Relu", [y])
            elif act == "softmax":
                y = b.node("Softmax", [y], axis=1)
            elif act != "linear":
                raise ValueError(f"{name}: activation {act}")
            val[name] = (y, 0)
        elif cls == "Dropout":
            val[name] = val[ins[0]]
        elif cls == "BatchNormalization":
            raise ValueError(f"{name}: BatchNormalization not after a convolution")
        else:
            raise ValueError(f"{name}: unsupported layer {cls}")
    out_layer = mj["modelTopology"]["model_config"]["config"]["output_layers"][0][0]
    return b, val[out_layer][0]


def attr_s(n, key):
    return base64.b64decode(n["attr"][key]["s"]).decode()


def attr_ints(n, key):
    return [int(v) for v in n["attr"][key]["list"].get("i", [])]


def convert_graph(mj, W):
    nodes = mj["modelTopology"]["node"]
    b = Builder()
    val = {}
    consts = {}
    for n in nodes:
        op, name = n["op"], n["name"]
        ins = [i.split(":")[0] for i in n.get("input", [])]
        if op == "Const":
            consts[name] = W[name]
        elif op == "Placeholder":
            val[name] = ("input", SIZE)
        elif op in ("Mul", "Sub", "AddV2", "Add"):
            onnx_op = {"Mul": "Mul", "Sub": "Sub", "AddV2": "Add", "Add": "Add"}[op]
            args, size = [], None
            for i in ins:
                if i in consts:
                    c = consts[i]
                    if c.size != 1:
                        raise ValueError(f"{name}: non-scalar constant operand")
                    args.append(b.const(f"{name}_c{len(args)}", c.reshape(1).astype(np.float32)))
                else:
                    t, size = val[i]
                    args.append(t)
            val[name] = (b.node(onnx_op, args), size)
        elif op in ("_FusedConv2D", "FusedDepthwiseConv2dNative"):
            if attr_s(n, "data_format") != "NHWC":
                raise ValueError(f"{name}: data_format")
            if any(d != 1 for d in attr_ints(n, "dilations")):
                raise ValueError(f"{name}: dilations")
            fused = [base64.b64decode(s).decode() for s in n["attr"]["fused_ops"]["list"]["s"]]
            x, size = val[ins[0]]
            k, bias = consts[ins[1]], consts[ins[2]] if len(ins) > 2 else None
            if fused[0] != "BiasAdd":
                raise ValueError(f"{name}: fused ops {fused}")
            stride = attr_ints(n, "strides")[1]
            y, size2 = conv(b, x, size, k, bias, stride, attr_s(n, "padding").lower(),
                            op == "FusedDepthwiseConv2dNative")
            for f in fused[1:]:
                if f == "Relu6":
                    y = relu6(b, y)
                elif f == "Relu":
                    y = b.node("Relu", [y])
                else:
                    raise ValueError(f"{name}: fused op {f}")
            val[name] = (y, size2)
        elif op == "AvgPool":
            x, size = val[ins[0]]
            k, s = attr_ints(n, "ksize")[1:3], attr_ints(n, "strides")[1:3]
            if attr_s(n, "padding") != "VALID":
                raise ValueError(f"{name}: padding")
            val[name] = (b.node("AveragePool", [x], kernel_shape=k, strides=s), (size - k[0]) // s[0] + 1)
        elif op == "Squeeze":
            x, size = val[ins[0]]
            if attr_ints(n, "squeeze_dims") != [1, 2] or size != 1:
                raise ValueError(f"{name}: squeeze")
            val[name] = (b.node("Flatten", [x], axis=1), 0)
        elif op == "_FusedMatMul":
            x, _ = val[ins[0]]
            if n["attr"].get("transpose_a", {}).get("b") or n["attr"].get("transpose_b", {}).get("b"):
                raise ValueError(f"{name}: transposed MatMul")
            fused = [base64.b64decode(s).decode() for s in n["attr"]["fused_ops"]["list"]["s"]]
            y = gemm(b, x, name, consts[ins[1]], consts[ins[2]])
            for f in fused[1:]:
                if f == "Relu":
                    y = b.node("Relu", [y])
                else:
                    raise ValueError(f"{name}: fused op {f}")
            val[name] = (y, 0)
        elif op == "Softmax":
            val[name] = (b.node("Softmax", [val[ins[0]][0]], axis=1), 0)
        elif op == "Identity":
            val[name] = val[ins[0]]
        else:
            raise ValueError(f"{name}: unsupported op {op}")
    return b, val["Identity"][0]


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    model_dir, out_path = sys.argv[1], sys.argv[2]
    mj = json.load(open(os.path.join(model_dir, "model.json")))
    W = load_weights(model_dir, mj["weightsManifest"])
    if mj.get("format") == "graph-model":
        b, out = convert_graph(mj, W)
    else:
        b, out = convert_layers(mj, W)
    b.node("Identity", [out], out="probs")
    graph = helper.make_graph(
        b.nodes, "nsfwjs",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 3, SIZE, SIZE])],
        [helper.make_tensor_value_info("probs", TensorProto.FLOAT, ["N", 5])],
        b.inits)
    model = helper.make_model(graph, producer_name="nigehbaan nsfwjs_to_onnx",
                              opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = 6
    onnx.checker.check_model(model)
    tmp = out_path + ".tmp"
    onnx.save(model, tmp)
    os.replace(tmp, out_path)
    print(f"{out_path}: {len(b.nodes)} nodes, {sum(i.ByteSize() for i in b.inits)} bytes of weights")
    return 0


if __name__ == "__main__":
    sys.exit(main())
