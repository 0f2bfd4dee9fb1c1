print("wangchao")
